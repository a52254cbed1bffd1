import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/catalog";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CardPaymentButton } from "./card-payment-button";

/** Paying what is due now by card, on the processor's hosted page. */
export async function CardPayment({ locale, token, amount }: { locale: Locale; token: string; amount: string }) {
  const t = await getTranslations({ locale, namespace: "pay" });
  return (
    <Card>
      <CardHeader title={t("card.title")} description={t("card.intro", { amount })} />
      <CardBody>
        <CardPaymentButton token={token} amount={amount} />
      </CardBody>
    </Card>
  );
}
