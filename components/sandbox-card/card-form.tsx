"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkCard, groupCardNumber, type CardField, type CardForm as CardFormValues } from "@/lib/domain/cards";

const EMPTY: CardFormValues = { number: "", expiry: "", cvc: "", name: "" };

/**
 * The processor's card form. It posts to the processor's own endpoint (never to a Quayside action) and follows
 * the answer: the 3-D Secure challenge, or back to the merchant with the outcome.
 */
export function CardForm({ intentId, amount }: { intentId: string; amount: string }) {
  const t = useTranslations("pay.sandbox");
  const [values, setValues] = useState(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<CardField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const set = (field: CardField) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: field === "number" ? groupCardNumber(event.target.value) : event.target.value }));
  const errorsOf = (field: CardField) => (problems[field] ? [t(`problems.${problems[field]}`)] : []);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const now = new Date();
    const checked = checkCard(values, { year: now.getFullYear(), month: now.getMonth() + 1 });
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) return;
    startTransition(async () => {
      try {
        const response = await fetch(`/api/sandbox-card/${intentId}/confirm`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(values),
        });
        const answer = (await response.json()) as { redirectUrl?: string; message?: string };
        if (response.ok && answer.redirectUrl) {
          window.location.assign(answer.redirectUrl);
          return;
        }
        setError(answer.message ?? response.statusText);
      } catch {
        setError(t("networkError"));
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field label={t("number")} errors={errorsOf("number")} required>
        <Input name="cardnumber" autoComplete="cc-number" inputMode="numeric" value={values.number} onChange={set("number")} placeholder="4242 4242 4242 4242" />
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label={t("expiry")} errors={errorsOf("expiry")} required>
          <Input name="exp-date" autoComplete="cc-exp" inputMode="numeric" value={values.expiry} onChange={set("expiry")} placeholder="MM/YY" maxLength={7} />
        </Field>
        <Field label={t("cvc")} errors={errorsOf("cvc")} required>
          <Input name="cvc" autoComplete="cc-csc" inputMode="numeric" value={values.cvc} onChange={set("cvc")} placeholder="123" maxLength={4} />
        </Field>
      </div>
      <Field label={t("name")} errors={errorsOf("name")} required>
        <Input name="ccname" autoComplete="cc-name" value={values.name} onChange={set("name")} />
      </Field>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" size="lg" fullWidth loading={pending} loadingText={t("submitting")}>
        {t("submit", { amount })}
      </Button>
    </form>
  );
}
