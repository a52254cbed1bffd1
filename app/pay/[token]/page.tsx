import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { BankTransferDetails } from "@/components/pay/bank-transfer-details";
import { CardNotice } from "@/components/pay/card-notice";
import { CardPayment } from "@/components/pay/card-payment";
import { DueNow } from "@/components/pay/due-now";
import { payMoney } from "@/components/pay/format";
import { InstalmentSchedule } from "@/components/pay/instalment-schedule";
import { InvoiceSummary } from "@/components/pay/invoice-summary";
import { PayFrame } from "@/components/pay/pay-frame";
import { payLocale } from "@/lib/server/pay/locale";
import { payPageView } from "@/lib/server/pay/page";
import { payMessages, payTranslations } from "@/components/pay/translations";

interface PayPageProps {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

export async function generateMetadata({ params }: PayPageProps): Promise<Metadata> {
  const view = await payPageView((await params).token);
  const t = await payTranslations(await payLocale(), "pay.meta");
  // The link is a capability: never indexed, and the page title carries no more than the invoice number.
  return { title: view ? t("title", { number: view.number }) : undefined, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The buyer's pay page: public, reached only through the invoice's unguessable link. */
export default async function PayPage({ params, searchParams }: PayPageProps) {
  const [{ token }, query, locale] = await Promise.all([params, searchParams, payLocale()]);
  const view = await payPageView(token, single(query.card));
  if (!view) notFound();
  const [t, messages] = await Promise.all([payTranslations(locale, "pay.state"), payMessages(locale)]);
  const pdfHref = view.state === "void" ? null : `/pay/${token}/pdf`;

  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      <PayFrame locale={locale} seller={view.sellerName}>
        {view.cardPayment ? (
          <CardNotice locale={locale} payment={view.cardPayment} redirectStatus={single(query.redirect_status)} seller={view.sellerName} />
        ) : null}
        {view.state === "void" ? (
          <Alert tone="warning" title={t("voidTitle")}>
            {t("voidBody", { seller: view.sellerName, number: view.number })}
          </Alert>
        ) : null}
        {view.state === "paid" ? (
          <Alert tone="success" title={t("paidTitle")}>
            {t("paidBody", { seller: view.sellerName, number: view.number })}
          </Alert>
        ) : null}
        <InvoiceSummary locale={locale} view={view} pdfHref={pdfHref} />
        {view.state === "payable" && view.dueNow ? (
          <>
            <DueNow locale={locale} instalment={view.dueNow} currency={view.currency} />
            <BankTransferDetails
              locale={locale}
              account={view.bankAccount}
              rfReference={view.rfReference}
              amount={payMoney(view.dueNow.amountMinor - view.dueNow.paidMinor, view.currency, locale)}
              currency={view.currency}
              seller={view.sellerName}
            />
            <CardPayment locale={locale} token={token} amount={payMoney(view.dueNow.amountMinor - view.dueNow.paidMinor, view.currency, locale)} />
          </>
        ) : null}
        {view.state !== "void" ? <InstalmentSchedule locale={locale} instalments={view.instalments} currency={view.currency} /> : null}
      </PayFrame>
    </NextIntlClientProvider>
  );
}
