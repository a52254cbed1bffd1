"use client";

import { useEffect, useMemo, useRef, useState, useTransition, type ChangeEvent, type ComponentProps, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/server/guard/action-error";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { FormStateContext, useFormState, type FormState } from "@/components/ui/field";
import { mergeHidden, readFormValues, type FormValue, type FormValues } from "./form-values";

export { useFormState };
export type { FormValue, FormValues };

/** A server action exported from a 'use server' file: `export async function foo(input: unknown) { return runAction(...) }`. */
export type ServerAction<T> = (input: unknown) => Promise<ActionResult<T>>;
export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

export interface ActionFormProps<T> extends Omit<ComponentProps<"form">, "action" | "onSubmit" | "onError" | "children" | "hidden"> {
  /** The server action to call with the form's values. */
  action: ServerAction<T>;
  /** Fixed values merged into the input (they win over fields of the same name), e.g. `{ org: slug }`. */
  hidden?: Record<string, FormValue | undefined>;
  /** Reshapes the collected values before the call, for the rare input a form cannot express. */
  transform?: (values: FormValues) => unknown;
  /** Called with the action's data after it succeeds (before the refresh or redirect). */
  onSuccess?: (data: T) => void;
  /** Called with the refusal after the message and field errors are shown. */
  onError?: (failure: ActionFailure) => void;
  /** Shown in a success alert after the action succeeds. */
  successMessage?: ReactNode | ((data: T) => ReactNode);
  /** Clears the fields after success. */
  resetOnSuccess?: boolean;
  /** Navigates here after success (instead of refreshing). */
  redirectTo?: string | ((data: T) => string | null | undefined);
  /** Re-renders the page's server components after success; on by default. */
  refresh?: boolean;
  children: ReactNode;
}

type Outcome = { kind: "idle" } | { kind: "success"; message: ReactNode } | { kind: "error"; message: string; extra: string[] };

const NO_ERRORS: Record<string, string[]> = {};

/**
 * A form bound to a server action that answers with an ActionResult: it sends the fields as a plain object
 * (see form-values.ts), shows the translated `message` in an alert and each `fieldErrors[name]` under the
 * `<FormField name>` of that name, and keeps the submit button disabled while the action runs.
 */
export function ActionForm<T>({
  action,
  hidden,
  transform,
  onSuccess,
  onError,
  successMessage,
  resetOnSuccess = false,
  redirectTo,
  refresh = true,
  className,
  children,
  noValidate = true,
  onChange,
  ...formProps
}: ActionFormProps<T>) {
  const t = useTranslations("common");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const busy = useRef(false);
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>(NO_ERRORS);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [focusToken, setFocusToken] = useState(0);

  // After a refusal, move focus to the first field that needs attention.
  useEffect(() => {
    if (focusToken === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [focusToken]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const values = mergeHidden(readFormValues(form, submitter), hidden);
    const input = transform ? transform(values) : values;
    busy.current = true;
    setOutcome({ kind: "idle" });
    startTransition(async () => {
      try {
        let result: ActionResult<T>;
        try {
          result = await action(input);
        } catch (error) {
          console.error("the server action could not be called", error);
          setFieldErrors(NO_ERRORS);
          setOutcome({ kind: "error", message: t("form.networkError"), extra: [] });
          return;
        }
        if (result.ok) {
          setFieldErrors(NO_ERRORS);
          const message = typeof successMessage === "function" ? successMessage(result.data) : successMessage;
          setOutcome(message ? { kind: "success", message } : { kind: "idle" });
          if (resetOnSuccess) form.reset();
          onSuccess?.(result.data);
          const target = typeof redirectTo === "function" ? redirectTo(result.data) : redirectTo;
          if (target) router.push(target);
          else if (refresh) router.refresh();
          return;
        }
        const errors = result.fieldErrors ?? NO_ERRORS;
        setFieldErrors(errors);
        setOutcome({ kind: "error", message: result.message, extra: errorsWithoutField(form, errors) });
        setFocusToken((n) => n + 1);
        onError?.(result);
      } finally {
        busy.current = false;
      }
    });
  }

  // Editing a field clears its error: the old message no longer describes what is there.
  function handleChange(event: ChangeEvent<HTMLFormElement>) {
    onChange?.(event);
    const name = (event.target as { name?: unknown }).name;
    if (typeof name !== "string" || !name) return;
    const key = name.endsWith("[]") ? name.slice(0, -2) : name;
    if (fieldErrors[key] || fieldErrors[name]) {
      setFieldErrors((current) => {
        const next = { ...current };
        delete next[key];
        delete next[name];
        return next;
      });
    }
  }

  const state = useMemo<FormState>(() => ({ fieldErrors, pending }), [fieldErrors, pending]);

  return (
    <FormStateContext.Provider value={state}>
      <form
        ref={formRef}
        noValidate={noValidate}
        aria-busy={pending || undefined}
        className={cn("flex flex-col gap-5", className)}
        onSubmit={handleSubmit}
        onChange={handleChange}
        {...formProps}
      >
        {outcome.kind === "error" ? (
          <Alert tone="error">
            <p>{outcome.message}</p>
            {outcome.extra.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">
                {outcome.extra.map((message, index) => (
                  <li key={`${index}-${message}`}>{message}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {outcome.kind === "success" ? <Alert tone="success">{outcome.message}</Alert> : null}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}

/** Messages for errors no visible field can show (the whole input, a hidden extra such as `org`). */
function errorsWithoutField(form: HTMLFormElement, errors: Record<string, string[]>): string[] {
  const messages: string[] = [];
  for (const [name, list] of Object.entries(errors)) {
    if (!hasVisibleField(form, name)) messages.push(...list);
  }
  return [...new Set(messages)];
}

function hasVisibleField(form: HTMLFormElement, name: string): boolean {
  for (const candidate of [name, `${name}[]`]) {
    const item = form.elements.namedItem(candidate);
    if (!item) continue;
    const elements = item instanceof RadioNodeList ? Array.from(item) : [item];
    if (elements.some((element) => !(element instanceof HTMLInputElement && element.type === "hidden"))) return true;
  }
  return false;
}
