import type { ReactNode } from "react";
import type { Locale } from "@/i18n/catalog";
import { ProductMark } from "@/components/shell/app-shell";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { payTranslations } from "@/components/pay/translations";

/** A page a buyer reaches by link (pay, dispute): product name, a tagline, language switch, a footer; no app navigation. */
export async function BuyerPageFrame({ locale, tagline, footer, children }: { locale: Locale; tagline: string; footer: string; children: ReactNode }) {
  const product = await payTranslations(locale, "common.product");
  return (
    <div lang={locale} className="flex min-h-dvh flex-col bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-2">
            <ProductMark />
            <span className="font-semibold tracking-tight text-slate-900">{product("name")}</span>
            <span className="hidden text-sm text-slate-600 sm:inline">· {tagline}</span>
          </div>
          <LocaleSwitcher />
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-3xl flex-1 flex-col gap-5 px-4 py-6 sm:px-6">
        {children}
      </main>
      <footer className="mx-auto w-full max-w-3xl px-4 pb-8 text-xs text-slate-600 sm:px-6">{footer}</footer>
    </div>
  );
}

/** The buyer's page around one invoice: "secure payment page". */
export async function PayFrame({ locale, seller, children }: { locale: Locale; seller: string; children: ReactNode }) {
  const t = await payTranslations(locale, "pay");
  return (
    <BuyerPageFrame locale={locale} tagline={t("header.secure")} footer={t("footer", { seller })}>
      {children}
    </BuyerPageFrame>
  );
}
