"use client";

import { useTranslations } from "next-intl";
import { stepUp } from "@/app/actions/account";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { cn } from "@/components/ui/cn";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Asks for a fresh authenticator code before actions that move money or change who may do so. */
export function StepUpForm() {
  const t = useTranslations("account.stepUp");
  return (
    <ActionForm action={stepUp} className="flex flex-row flex-wrap items-end gap-3" resetOnSuccess>
      <FormField label={t("code")} name="code" className="w-40">
        <Input inputMode="numeric" autoComplete="one-time-code" />
      </FormField>
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

const PROMPT_TONES = {
  notice: { box: "rounded-md border border-amber-200 bg-amber-50 p-4", title: "text-amber-950", description: "text-amber-900" },
  plain: { box: "", title: "text-slate-900", description: "text-slate-600" },
};

/**
 * The step-up form under a title and description, shown above an action until the session's second factor is fresh:
 * in an amber notice box, or plain where the surrounding card already sets it apart.
 */
export function StepUpPrompt({ title, description, tone = "notice" }: { title: string; description: string; tone?: keyof typeof PROMPT_TONES }) {
  const styles = PROMPT_TONES[tone];
  return (
    <div className={cn("flex flex-col gap-2", styles.box)}>
      <p className={cn("text-sm font-medium", styles.title)}>{title}</p>
      <p className={cn("text-sm", styles.description)}>{description}</p>
      <StepUpForm />
    </div>
  );
}
