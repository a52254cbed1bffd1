import type { ReactNode } from "react";
import type { Locale } from "@/i18n/catalog";
import { BuyerPageFrame } from "@/components/pay/pay-frame";
import { disputeTranslations } from "./translations";

/** The buyer's page around one case. */
export async function BuyerFrame({ locale, seller, children }: { locale: Locale; seller: string; children: ReactNode }) {
  const t = await disputeTranslations(locale, "disputes.buyer");
  return (
    <BuyerPageFrame locale={locale} tagline={t("header")} footer={t("footer", { seller })}>
      {children}
    </BuyerPageFrame>
  );
}
