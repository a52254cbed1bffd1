"use client";

import { Button, type ButtonProps } from "@/components/ui/button";
import { useFormState } from "@/components/ui/field";

export interface SubmitButtonProps extends Omit<ButtonProps, "type" | "loading"> {
  /** Text while the form's action runs ("Saving…"); the children stay otherwise. */
  pendingText?: string;
}

/**
 * The submit button of an ActionForm: disabled with a spinner while the action runs. Give it `name` and
 * `value` to tell several submit buttons apart; the clicked one's value is sent.
 */
export function SubmitButton({ pendingText, disabled, children, ...props }: SubmitButtonProps) {
  const form = useFormState();
  const pending = form?.pending ?? false;
  return (
    <Button type="submit" loading={pending} loadingText={pendingText} disabled={disabled} {...props}>
      {children}
    </Button>
  );
}
