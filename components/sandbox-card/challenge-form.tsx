"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The pretend issuer's 3-D Secure step: enter the code it "sent" and complete, or fail the authentication. */
export function ChallengeForm({ intentId }: { intentId: string }) {
  const t = useTranslations("pay.sandbox.challenge");
  const network = useTranslations("pay.sandbox")("networkError");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function answer(decision: "approve" | "fail") {
    setError(null);
    startTransition(async () => {
      try {
        const response = await fetch(`/api/sandbox-card/${intentId}/challenge`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ decision, code }),
        });
        const body = (await response.json().catch(() => ({}))) as { redirectUrl?: string; message?: string };
        if (response.ok && body.redirectUrl) window.location.assign(body.redirectUrl);
        else setError(body.message ?? response.statusText);
      } catch {
        setError(network);
      }
    });
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        answer("approve");
      }}
    >
      <Field label={t("code")} required>
        <Input name="otp" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(event) => setCode(event.target.value)} maxLength={6} />
      </Field>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={pending} loadingText={t("working")}>
          {t("approve")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => answer("fail")}>
          {t("fail")}
        </Button>
      </div>
    </form>
  );
}
