import type { Locale } from "@/i18n/catalog";
import { buttonStyles } from "@/components/ui/button";
import { payTranslations } from "@/components/pay/translations";

/** An intent that already has its outcome: nothing to enter, only the way back to the merchant. */
export async function ClosedCheckout({ locale, doneUrl }: { locale: Locale; doneUrl: string }) {
  const t = await payTranslations(locale, "pay.sandbox");
  return (
    <div className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold text-slate-900">{t("closedTitle")}</h2>
      <p className="text-sm text-slate-600">{t("closedBody")}</p>
      <a href={doneUrl} className={buttonStyles({ variant: "secondary" })}>
        {t("back")}
      </a>
    </div>
  );
}
