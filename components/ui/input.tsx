"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";
import { describedBy, FieldErrors, useFieldControl, useFieldErrors } from "./field";

export const controlStyles =
  "block w-full rounded-md border bg-white text-slate-900 shadow-sm transition-colors placeholder:text-slate-400 " +
  "focus:border-teal-600 focus:outline-2 focus:outline-offset-0 focus:outline-teal-600/30 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 read-only:bg-slate-50";

export function controlBorder(invalid: boolean): string {
  return invalid ? "border-red-600 focus:border-red-600 focus:outline-red-600/30" : "border-slate-300 hover:border-slate-400";
}

/** Props a control takes from the Field it sits in; its own props win. */
function useWiredProps(props: { id?: string; name?: string; "aria-describedby"?: string; "aria-invalid"?: ComponentProps<"input">["aria-invalid"]; "aria-required"?: ComponentProps<"input">["aria-required"] }) {
  const field = useFieldControl();
  const invalid = props["aria-invalid"] === true || props["aria-invalid"] === "true" || Boolean(field?.invalid);
  return {
    id: props.id ?? field?.id,
    name: props.name ?? field?.name,
    "aria-describedby": describedBy(field?.describedBy, props["aria-describedby"]),
    "aria-invalid": invalid || undefined,
    "aria-required": props["aria-required"] ?? (field?.required || undefined),
    invalid,
  };
}

export interface InputProps extends ComponentProps<"input"> {
  /** Shown inside the box before the value, e.g. a currency symbol. Decorative: put meaning in the label. */
  leading?: ReactNode;
  /** Shown inside the box after the value, e.g. a currency code or unit. */
  trailing?: ReactNode;
}

export function Input({ className, leading, trailing, type = "text", ...props }: InputProps) {
  const { invalid, ...wired } = useWiredProps(props);
  const input = (
    <input
      type={type}
      {...props}
      {...wired}
      className={cn(
        controlStyles,
        controlBorder(invalid),
        "h-10 px-3 text-sm",
        leading ? "pl-9" : null,
        trailing ? "pr-14" : null,
        (type === "number" || props.inputMode === "decimal" || props.inputMode === "numeric") && "tabular",
        className,
      )}
    />
  );
  if (!leading && !trailing) return input;
  return (
    <div className="relative">
      {leading ? (
        <span className="pointer-events-none absolute inset-y-0 left-0 flex w-9 items-center justify-center text-sm text-slate-500" aria-hidden="true">
          {leading}
        </span>
      ) : null}
      {input}
      {trailing ? (
        <span className="pointer-events-none absolute inset-y-0 right-0 flex min-w-12 items-center justify-center pr-3 text-sm font-medium text-slate-500" aria-hidden="true">
          {trailing}
        </span>
      ) : null}
    </div>
  );
}

export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  const { invalid, ...wired } = useWiredProps(props);
  return (
    <textarea
      rows={rows}
      {...props}
      {...wired}
      className={cn(controlStyles, controlBorder(invalid), "min-h-20 px-3 py-2 text-sm", className)}
    />
  );
}

export interface CheckboxProps extends Omit<ComponentProps<"input">, "type"> {
  /** The checkbox's own label, shown beside it. */
  label: ReactNode;
  hint?: ReactNode;
  /** Extra translated errors; the surrounding form's `fieldErrors[name]` are shown too. */
  errors?: readonly string[];
}

/**
 * A checkbox with its label beside it. Inside an ActionForm a lone checkbox is submitted as a boolean;
 * several checkboxes sharing a name are submitted as the array of the checked values.
 */
export function Checkbox({ label, hint, errors, id, className, ...props }: CheckboxProps) {
  const generated = useId();
  const controlId = id ?? `checkbox${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const fromForm = useFieldErrors(props.name);
  const all = errors && errors.length > 0 ? [...fromForm, ...errors] : fromForm;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = all.length > 0 ? `${controlId}-error` : undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex items-start gap-2.5">
        <input
          type="checkbox"
          id={controlId}
          {...props}
          aria-invalid={all.length > 0 || undefined}
          aria-describedby={describedBy(hintId, errorId, props["aria-describedby"])}
          className="mt-0.5 size-4 shrink-0 rounded border-slate-400 accent-teal-700 disabled:cursor-not-allowed"
        />
        <div className="flex flex-col gap-0.5">
          <label htmlFor={controlId} className="text-sm font-medium text-slate-800">
            {label}
          </label>
          {hint ? (
            <p id={hintId} className="text-sm text-slate-600">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      <FieldErrors id={errorId} errors={all} className="pl-6.5" />
    </div>
  );
}
