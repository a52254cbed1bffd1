"use client";

import { createContext, useContext, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";
import { Icon } from "./icons";

const EMPTY: readonly string[] = [];

/* ------------------------------------------------------------------ form state (provided by ActionForm) */

export interface FormState {
  /** Translated messages per field name, as the guard returns them (`fieldErrors`). */
  fieldErrors: Readonly<Record<string, readonly string[]>>;
  /** True while the form's action is running. */
  pending: boolean;
}

/** Provided by `components/forms/action-form.tsx`; any form may provide it to get the same field wiring. */
export const FormStateContext = createContext<FormState | null>(null);

/** The surrounding form's state, or null outside a form that provides it. */
export function useFormState(): FormState | null {
  return useContext(FormStateContext);
}

/** The translated errors the surrounding form holds for `name` (empty outside a form or without errors). */
export function useFieldErrors(name: string | undefined): readonly string[] {
  const form = useContext(FormStateContext);
  if (!form || !name) return EMPTY;
  return form.fieldErrors[name] ?? EMPTY;
}

/* ------------------------------------------------------------------ field → control wiring */

export interface FieldControl {
  id: string;
  name?: string;
  /** Ids of the hint and error list, for `aria-describedby`. */
  describedBy?: string;
  invalid: boolean;
  required: boolean;
}

const FieldControlContext = createContext<FieldControl | null>(null);

/** Used by Input, Select, Textarea: the id, name and aria wiring of the Field they sit in. */
export function useFieldControl(): FieldControl | null {
  return useContext(FieldControlContext);
}

/** Joins `aria-describedby` ids, skipping empty ones. */
export function describedBy(...ids: Array<string | undefined | null | false>): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

/* ------------------------------------------------------------------ Field */

export interface FieldProps {
  label: ReactNode;
  /** One control: Input, Select, Textarea (they pick up id, name and aria attributes from the field). */
  children: ReactNode;
  /** The control's id; generated when omitted. */
  id?: string;
  /** The control's name (the control's own `name` prop wins). */
  name?: string;
  hint?: ReactNode;
  /** Translated error messages to show under the control. */
  errors?: readonly string[];
  /** Marks the label and sets `aria-required` on the control. */
  required?: boolean;
  /** Adds "(Optional)" to the label. */
  optional?: boolean;
  /** Keeps the label for screen readers only. */
  hideLabel?: boolean;
  className?: string;
}

export function Field({
  label,
  children,
  id,
  name,
  hint,
  errors = EMPTY,
  required = false,
  optional = false,
  hideLabel = false,
  className,
}: FieldProps) {
  const t = useTranslations("common.labels");
  const generated = useId();
  const controlId = id ?? `field${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = errors.length > 0 ? `${controlId}-error` : undefined;
  const control: FieldControl = {
    id: controlId,
    name,
    describedBy: describedBy(hintId, errorId),
    invalid: errors.length > 0,
    required,
  };

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={controlId} className={cn("text-sm font-medium text-slate-800", hideLabel && "sr-only")}>
        {label}
        {required ? (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
        {optional ? <span className="ml-1.5 text-xs font-normal text-slate-500">({t("optional")})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="-mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldControlContext.Provider value={control}>{children}</FieldControlContext.Provider>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors, className }: { id?: string; errors: readonly string[]; className?: string }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className={cn("flex flex-col gap-0.5 text-sm text-red-700", className)}>
      {errors.map((message, index) => (
        <li key={`${index}-${message}`} className="flex items-start gap-1.5">
          <Icon name="error" className="mt-0.5 size-4 shrink-0" />
          <span>{message}</span>
        </li>
      ))}
    </ul>
  );
}

/* ------------------------------------------------------------------ FormField */

export interface FormFieldProps extends Omit<FieldProps, "name"> {
  /** The control's name; the form's `fieldErrors[name]` are shown under it. */
  name: string;
}

/**
 * A Field bound to the surrounding ActionForm by name: `<FormField name="email" label={t("email")}><Input type="email" /></FormField>`.
 * The control gets `name`, `id`, `aria-invalid` and `aria-describedby` automatically.
 */
export function FormField({ name, errors, ...rest }: FormFieldProps) {
  const fromForm = useFieldErrors(name);
  const all = errors && errors.length > 0 ? [...fromForm, ...errors] : fromForm;
  return <Field {...rest} name={name} errors={all} />;
}
