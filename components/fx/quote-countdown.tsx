"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { acceptFxQuote, requestFxQuote } from "@/app/actions/fx";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { secondsLeft } from "@/lib/domain/fx/expiry";
import type { QuoteDefaults } from "./quote-form";

/**
 * The live part of a quote: a countdown to its expiry, "Convert now" while it holds, and "Get a new quote" (same
 * currencies and amount) once it has expired. The server decides in the end: an accept after expiry is refused.
 */
export function QuoteCountdown({
  org,
  quoteId,
  expiresAt,
  initialSecondsLeft,
  requote,
  canAccept,
}: {
  org: string;
  quoteId: string;
  expiresAt: string;
  initialSecondsLeft: number;
  requote: QuoteDefaults;
  canAccept: boolean;
}) {
  const t = useTranslations("fx.offer");
  const [left, setLeft] = useState(initialSecondsLeft);
  useEffect(() => {
    const deadline = new Date(expiresAt);
    const tick = () => setLeft(secondsLeft(deadline, new Date()));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [expiresAt]);
  const expired = left <= 0;

  if (expired) {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="warning">{t("expired")}</Alert>
        <ActionForm action={requestFxQuote} hidden={{ org, ...requote }} redirectTo={(data: { quoteId: string }) => `/o/${org}/fx?quote=${data.quoteId}`}>
          <div>
            <SubmitButton variant="secondary">{t("requote")}</SubmitButton>
          </div>
        </ActionForm>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="tabular text-sm font-medium text-slate-700" role="timer" aria-live="off" data-testid="quote-countdown">
        {t("expiresIn", { seconds: left })}
      </p>
      {canAccept ? (
        <ActionForm action={acceptFxQuote} hidden={{ org, quoteId }} redirectTo={(data: { conversionId: string }) => `/o/${org}/fx?converted=${data.conversionId}`}>
          <div>
            <SubmitButton pendingText={t("accepting")}>{t("accept")}</SubmitButton>
          </div>
        </ActionForm>
      ) : null}
    </div>
  );
}
