import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { payMoney } from "@/components/pay/format";
import { ChallengeForm } from "@/components/sandbox-card/challenge-form";
import { CheckoutFrame } from "@/components/sandbox-card/checkout-frame";
import { ClosedCheckout } from "@/components/sandbox-card/closed-checkout";
import { payLocale } from "@/lib/server/pay/locale";
import { checkoutView } from "@/lib/server/sandbox-card/checkout";
import { payMessages, payTranslations } from "@/components/pay/translations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await payTranslations(await payLocale(), "pay.meta");
  return { title: t("sandboxTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The pretend card issuer's 3-D Secure challenge, reached from the checkout when the card asks for it. */
export default async function SandboxChallengePage({ params }: { params: Promise<{ intentId: string }> }) {
  const [{ intentId }, locale] = await Promise.all([params, payLocale()]);
  const intent = await checkoutView(intentId);
  if (!intent || intent.status === "created") notFound();
  const [t, messages] = await Promise.all([payTranslations(locale, "pay.sandbox.challenge"), payMessages(locale)]);
  const amount = payMoney(intent.amountMinor, intent.currency, locale);
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      <CheckoutFrame locale={locale} merchant={intent.description} amount={amount}>
        {intent.status === "requires_action" && intent.challengeCode ? (
          <div className="flex flex-col gap-4">
            <div>
              <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
              <p className="mt-1 text-sm text-slate-600">{t("body", { amount, merchant: intent.description })}</p>
              <p className="mt-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="challenge-hint">
                {t("codeHint", { code: intent.challengeCode })}
              </p>
            </div>
            <ChallengeForm intentId={intent.id} />
          </div>
        ) : (
          <ClosedCheckout locale={locale} doneUrl={intent.doneUrl ?? intent.cancelUrl} />
        )}
      </CheckoutFrame>
    </NextIntlClientProvider>
  );
}
