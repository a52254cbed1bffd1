import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { OpenDisputeForm } from "@/components/disputes/open-dispute-form";
import { caseMoney } from "@/components/disputes/format";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/catalog";
import { DISPUTE_CATEGORIES, type DisputeCategory } from "@/lib/domain/disputes";
import { toDecimalString } from "@/lib/domain/money";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { disputeSubjects } from "@/lib/server/disputes/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export const dynamic = "force-dynamic";

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

// Chargebacks are opened by the card processor's event, never by hand.
const BY_HAND = DISPUTE_CATEGORIES.filter((category) => category !== "chargeback");

/** Opens a case about one invoice (`?invoice=`) or one payment (`?payment=`) of the organization. */
export default async function OpenDisputePage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const query = await searchParams;
  const [t, locale, subjects] = await Promise.all([getTranslations("disputes.open"), getLocale() as Promise<Locale>, disputeSubjects(organization.id)]);
  const invoice = subjects.invoices.find((candidate) => candidate.id === single(query.invoice));
  const payment = invoice ? undefined : subjects.payments.find((candidate) => candidate.id === single(query.payment));
  const back = invoice ? `/o/${org}/invoices/${invoice.id}` : payment ? `/o/${org}/payments/${payment.id}` : `/o/${org}/disputes`;
  const money = (minor: bigint, currency: string) => caseMoney(minor, currency, locale);

  let form = null;
  let subjectLine = "";
  if (invoice) {
    const open = invoice.totalMinor - invoice.paidMinor;
    // Claims about goods dispute what was paid; "payment not received" disputes what is still open.
    const categories: DisputeCategory[] = BY_HAND.filter((category) => (category === "payment_not_received" ? open > 0n : invoice.paidMinor > 0n));
    subjectLine = t("subjectInvoice", { number: invoice.number ?? "", buyer: invoice.buyerName, paid: money(invoice.paidMinor, invoice.currency), total: money(invoice.totalMinor, invoice.currency) });
    form = (
      <OpenDisputeForm
        org={org}
        subject={{ invoiceId: invoice.id }}
        categories={categories}
        currency={invoice.currency}
        defaultAmount={toDecimalString(invoice.paidMinor > 0n ? invoice.paidMinor : open, invoice.currency)}
        amountHint={t("amountHint", { paid: money(invoice.paidMinor, invoice.currency), open: money(open > 0n ? open : 0n, invoice.currency) })}
      />
    );
  } else if (payment) {
    subjectLine = t("subjectPayment", { amount: money(payment.amountMinor, payment.currency), payer: payment.payerName ?? payment.buyerName, date: payment.bookingDate });
    form = (
      <OpenDisputeForm
        org={org}
        subject={{ paymentId: payment.id }}
        categories={BY_HAND.filter((category) => category !== "payment_not_received")}
        currency={payment.currency}
        defaultAmount={toDecimalString(payment.amountMinor, payment.currency)}
        amountHint={t("amountHintPayment", { amount: money(payment.amountMinor, payment.currency) })}
      />
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={back} className="hover:underline">
            ← {t("back")}
          </Link>
        }
        title={t("title")}
        description={t("description")}
      />
      {!MONEY_ROLES.includes(membership.role) ? (
        <Alert tone="warning">{t("notAllowed")}</Alert>
      ) : form ? (
        <Card>
          <CardHeader title={subjectLine} />
          <CardBody>{form}</CardBody>
        </Card>
      ) : (
        <Alert tone="info">{t("notFound")}</Alert>
      )}
    </div>
  );
}
