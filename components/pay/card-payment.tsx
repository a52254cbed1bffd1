import type { Locale } from "@/i18n/catalog";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CardPaymentButton } from "./card-payment-button";
import { payTranslations } from "@/components/pay/translations";

/** Paying what is due now by card, on the processor's hosted page. */
export async function CardPayment({ locale, token, amount }: { locale: Locale; token: string; amount: string }) {
  const t = await payTranslations(locale, "pay");
  return (
    <Card>
      <CardHeader title={t("card.title")} description={t("card.intro", { amount })} />
      <CardBody>
        <CardPaymentButton token={token} amount={amount} />
      </CardBody>
    </Card>
  );
}
