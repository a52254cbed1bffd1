import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { payMoney } from "@/components/pay/format";
import { CardForm } from "@/components/sandbox-card/card-form";
import { CheckoutFrame } from "@/components/sandbox-card/checkout-frame";
import { ClosedCheckout } from "@/components/sandbox-card/closed-checkout";
import { TestCards } from "@/components/sandbox-card/test-cards";
import { payLocale } from "@/lib/server/pay/locale";
import { checkoutView } from "@/lib/server/sandbox-card/checkout";
import { payMessages, payTranslations } from "@/components/pay/translations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await payTranslations(await payLocale(), "pay.meta");
  return { title: t("sandboxTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The sandbox card processor's hosted checkout page for one payment intent. */
export default async function SandboxCheckoutPage({ params }: { params: Promise<{ intentId: string }> }) {
  const [{ intentId }, locale] = await Promise.all([params, payLocale()]);
  const intent = await checkoutView(intentId);
  if (!intent) notFound();
  if (intent.status === "requires_action") redirect(`/sandbox/card/${intent.id}/challenge`);
  const [t, messages] = await Promise.all([payTranslations(locale, "pay.sandbox"), payMessages(locale)]);
  const amount = payMoney(intent.amountMinor, intent.currency, locale);
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      <CheckoutFrame locale={locale} merchant={intent.description} amount={amount}>
        {intent.status === "created" ? (
          <>
            <CardForm intentId={intent.id} amount={amount} />
            <a href={intent.cancelUrl} className="mt-4 block text-center text-sm text-indigo-800 hover:underline">
              {t("cancel")}
            </a>
            <TestCards locale={locale} />
          </>
        ) : (
          <ClosedCheckout locale={locale} doneUrl={intent.doneUrl ?? intent.cancelUrl} />
        )}
      </CheckoutFrame>
    </NextIntlClientProvider>
  );
}
