import type { Locale } from "@/i18n/catalog";
import { Alert } from "@/components/ui/alert";
import type { PayCardNotice } from "@/lib/server/pay/page";
import { payTranslations } from "@/components/pay/translations";

const KNOWN_REASONS = ["card_declined", "insufficient_funds", "authentication_failed", "test_card_required"];

/**
 * What happened to the card payment the buyer just came back from. Quayside's own record decides; until the
 * processor's webhook has arrived, the redirect's "succeeded" may say "received, processing" (no money moves on it).
 */
export async function CardNotice({ locale, payment, redirectStatus, seller }: { locale: Locale; payment: PayCardNotice; redirectStatus: string | null; seller: string }) {
  const t = await payTranslations(locale, "pay.notice");
  const final = payment.status === "succeeded" || payment.status === "declined" || payment.status === "failed";
  // Back without an outcome: the buyer cancelled on the processor's page.
  if (!final && redirectStatus === null) return null;
  const outcome =
    payment.status === "succeeded" || (!final && redirectStatus === "succeeded")
      ? "succeeded"
      : payment.status === "declined" || payment.status === "failed" || redirectStatus === "failed"
        ? "declined"
        : "waiting";
  if (outcome === "succeeded") {
    return (
      <Alert tone="success" title={t("succeededTitle")}>
        {t("succeededBody", { seller })}
      </Alert>
    );
  }
  if (outcome === "declined") {
    const code = payment.declineCode && KNOWN_REASONS.includes(payment.declineCode) ? payment.declineCode : "other";
    return (
      <Alert tone="error" title={t("declinedTitle")}>
        {t("declinedBody", { reason: t(`reasons.${code}`) })}
      </Alert>
    );
  }
  return (
    <Alert tone="info" title={t("waitingTitle")}>
      {t("waitingBody")}
    </Alert>
  );
}
