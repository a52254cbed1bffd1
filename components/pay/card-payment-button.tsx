"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { startCardPayment } from "@/app/actions/pay";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Starts a card payment for what is due now; the server action sends the buyer on to the processor's page. */
export function CardPaymentButton({ token, amount }: { token: string; amount: string }) {
  const t = useTranslations("pay.card");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function pay() {
    setError(null);
    startTransition(async () => {
      const result = await startCardPayment({ token });
      if (result && !result.ok) setError(result.message);
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <Button size="lg" onClick={pay} loading={pending} loadingText={t("submitting")}>
        {t("submit", { amount })}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
