import type { ReactNode } from "react";
import type { Locale } from "@/i18n/catalog";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { payTranslations } from "@/components/pay/translations";

/** The sandbox processor's own look (it stands for another company): its name, "test mode", the amount to pay. */
export async function CheckoutFrame({ locale, merchant, amount, children }: { locale: Locale; merchant: string; amount: string; children: ReactNode }) {
  const t = await payTranslations(locale, "pay.sandbox");
  return (
    <div lang={locale} className="flex min-h-dvh flex-col items-center bg-indigo-950/5 px-4 py-8">
      <div className="w-full max-w-md">
        <div className="mb-4 flex items-center justify-between">
          <p className="flex items-center gap-2 text-lg font-bold tracking-tight text-indigo-900">
            <span aria-hidden="true" className="inline-block size-6 rounded-full bg-gradient-to-br from-indigo-500 to-fuchsia-500" />
            {t("brand")}
            <span className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950 uppercase">{t("testMode")}</span>
          </p>
          <LocaleSwitcher />
        </div>
        <main id="main" className="rounded-xl border border-indigo-100 bg-white p-6 shadow-md">
          <h1 className="text-sm font-normal text-slate-600">{t("payTo", { merchant })}</h1>
          <p className="tabular mt-1 text-3xl font-semibold text-slate-900" data-testid="checkout-amount">
            {amount}
          </p>
          <div className="mt-6">{children}</div>
        </main>
        <p className="mt-4 text-center text-xs text-slate-600">{t("privacy")}</p>
      </div>
    </div>
  );
}
