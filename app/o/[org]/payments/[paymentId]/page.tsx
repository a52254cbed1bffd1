import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SettleWithChargesButton } from "@/components/payments/allocation-actions";
import { AllocationsTable } from "@/components/payments/allocations-table";
import { KeepCreditForm } from "@/components/payments/keep-credit-form";
import { MatchForm } from "@/components/payments/match-form";
import { PaymentStatusBadge } from "@/components/payments/payment-status-badge";
import { SuggestionReasons } from "@/components/payments/suggestion-reasons";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney, toDecimalString, type Locale } from "@/lib/domain/money";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import {
  bankChargesOffer,
  heldBackReason,
  matchFeeTerms,
  organizationBuyerNames,
  paymentDetail,
  paymentSuggestions,
  searchOpenInvoices,
} from "@/lib/server/matching/queries";
import { buyerRefundableCredit } from "@/lib/server/refunds/queries";

export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; paymentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org, paymentId } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const payment = await paymentDetail(organization.id, paymentId);
  if (!payment) notFound();
  const rawQuery = (await searchParams).invoice;
  const query = (Array.isArray(rawQuery) ? rawQuery[0] : rawQuery)?.trim().slice(0, 100) ?? "";
  const [t, disputes] = await Promise.all([getTranslations("matching"), getTranslations("disputes.open")]);
  const locale = (await getLocale()) as Locale;
  const canAct = MONEY_ROLES.includes(membership.role);
  const open = canAct && payment.source !== "card" && payment.unappliedMinor > 0n;
  const [suggestions, held, offer, found, buyers, credit, feeTerms] = await Promise.all([
    open ? paymentSuggestions(payment) : Promise.resolve([]),
    heldBackReason(payment),
    canAct ? bankChargesOffer(payment) : Promise.resolve(null),
    open && query ? searchOpenInvoices(organization.id, query) : Promise.resolve([]),
    open ? organizationBuyerNames(organization.id) : Promise.resolve([]),
    payment.buyerId ? buyerRefundableCredit(organization.id, payment.buyerId) : Promise.resolve([]),
    open ? matchFeeTerms(organization.id) : Promise.resolve(null),
  ]);
  const feeFor = (invoice: { buyerCountry: string; instalmentsOutstandingMinor: bigint[] }) => ({
    terms: { ...feeTerms!, country: invoice.buyerCountry },
    instalmentsOutstandingMinor: invoice.instalmentsOutstandingMinor,
    unappliedMinor: payment.unappliedMinor,
  });
  const money = (amountMinor: bigint, currency = payment.currency) => formatMoney(amountMinor, currency, locale);
  const none = t("payment.none");
  const details: [string, string][] = [
    [t("payment.payer"), payment.payerName ?? none],
    [t("payment.reference"), payment.reference ?? none],
    [t("payment.text"), payment.remittanceText ?? none],
    [t("payment.amount"), money(payment.amountMinor)],
    [t("payment.unapplied"), money(payment.unappliedMinor)],
    [t("payment.charges"), payment.chargesMinor > 0n ? money(payment.chargesMinor) : none],
    [t("payment.bookingDate"), payment.bookingDate],
    [t("payment.valueDate"), payment.valueDate],
    [t("payment.source"), t(`source.${payment.source}`)],
    [t("payment.bankRef"), payment.bankRef],
    [t("payment.account"), payment.bankName ? `${payment.bankName} · ${payment.accountIdentifier}` : payment.accountIdentifier],
    [t("payment.statement"), payment.statementFileName ?? none],
    [t("payment.buyer"), payment.buyerName ?? none],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/payments`} className="hover:underline">
            ← {t("payment.back")}
          </Link>
        }
        title={`${money(payment.amountMinor)} · ${payment.payerName ?? none}`}
        actions={
          <>
            {canAct && payment.buyerId && payment.matchStatus !== "reversed" ? (
              <Link href={`/o/${org}/disputes/new?payment=${payment.id}`} className={buttonStyles({ variant: "secondary", size: "sm" })} data-testid="open-dispute-link">
                {disputes("button")}
              </Link>
            ) : null}
            <span data-testid="payment-status">
              <PaymentStatusBadge status={payment.matchStatus} />
            </span>
          </>
        }
      />
      {held ? (
        <Alert tone="warning" data-testid="held-back">
          {t(`held.${held.code}`, { invoice: held.invoiceNumber, paymentCurrency: payment.currency, invoiceCurrency: held.invoiceCurrency })}
        </Alert>
      ) : null}
      {offer ? (
        <Alert tone="info" title={t("charges.title")} actions={<SettleWithChargesButton org={org} paymentId={payment.id} invoiceId={offer.invoiceId} />} data-testid="charges-offer">
          {t("charges.offer", { amount: money(offer.shortfallMinor), invoice: offer.invoiceNumber })}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title={t("payment.details")} />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {details.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          {credit.some((row) => row.refundableMinor + row.heldByCardMinor > 0n) ? (
            <p className="mt-4 text-sm text-slate-700">
              {t("credit.held", { buyer: payment.buyerName ?? "", amounts: credit.map((row) => money(row.refundableMinor + row.heldByCardMinor, row.currency)).join(", ") })}
            </p>
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("allocations.title")} description={t("allocations.description")} />
        <AllocationsTable org={org} payment={payment} canAct={canAct} />
      </Card>
      {open ? (
        <>
          <Card data-testid="suggestions">
            <CardHeader title={t("suggestions.title")} description={t("suggestions.description")} />
            <CardBody className="flex flex-col divide-y divide-slate-100">
              {suggestions.length === 0 ? <p className="text-sm text-slate-600">{t("suggestions.empty")}</p> : null}
              {suggestions.map((suggestion) => (
                <div key={suggestion.invoiceId} className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0" data-testid="suggestion">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <div>
                      <Link href={`/o/${org}/invoices/${suggestion.invoiceId}`} className="font-medium text-teal-800 hover:underline">
                        {suggestion.invoice.number}
                      </Link>
                      <span className="ml-2 text-sm text-slate-600">{suggestion.invoice.buyerName}</span>
                    </div>
                    <span className="tabular text-sm text-slate-700">{t("suggestions.owes", { amount: money(suggestion.invoice.outstandingMinor, suggestion.invoice.currency) })}</span>
                  </div>
                  <SuggestionReasons reasons={suggestion.reasons} currency={payment.currency} />
                  <MatchForm
                    org={org}
                    paymentId={payment.id}
                    invoiceId={suggestion.invoiceId}
                    paymentCurrency={payment.currency}
                    invoiceCurrency={suggestion.invoice.currency}
                    amount={toDecimalString(suggestion.amountMinor, payment.currency)}
                    bankCharges={suggestion.bankChargesMinor > 0n ? toDecimalString(suggestion.bankChargesMinor, suggestion.invoice.currency) : ""}
                    label={suggestion.invoice.number}
                    fee={feeFor(suggestion.invoice)}
                  />
                </div>
              ))}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("search.title")} />
            <CardBody className="flex flex-col gap-4">
              <form method="get" className="flex flex-wrap items-end gap-2" role="search">
                <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium text-slate-800">
                  {t("search.label")}
                  <input name="invoice" type="search" defaultValue={query} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm" />
                </label>
                <button type="submit" className={buttonStyles({ size: "sm", variant: "secondary" })}>
                  {t("search.submit")}
                </button>
              </form>
              {query && found.length === 0 ? <p className="text-sm text-slate-600">{t("search.empty", { query })}</p> : null}
              {found.map((invoice) => (
                <div key={invoice.id} className="flex flex-col gap-3 border-t border-slate-100 pt-4" data-testid="search-result">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <div>
                      <span className="font-medium text-slate-900">{invoice.number}</span>
                      <span className="ml-2 text-sm text-slate-600">{invoice.buyerName}</span>
                    </div>
                    <span className="tabular text-sm text-slate-700">{t("suggestions.owes", { amount: money(invoice.outstandingMinor, invoice.currency) })}</span>
                  </div>
                  <MatchForm
                    org={org}
                    paymentId={payment.id}
                    invoiceId={invoice.id}
                    paymentCurrency={payment.currency}
                    invoiceCurrency={invoice.currency}
                    amount={toDecimalString(
                      invoice.currency === payment.currency && invoice.outstandingMinor < payment.unappliedMinor ? invoice.outstandingMinor : payment.unappliedMinor,
                      payment.currency,
                    )}
                    label={invoice.number ?? ""}
                    fee={feeFor(invoice)}
                  />
                </div>
              ))}
            </CardBody>
          </Card>
          {buyers.length > 0 ? (
            <Card>
              <CardHeader title={t("credit.title")} description={t("credit.description")} />
              <CardBody>
                <KeepCreditForm
                  org={org}
                  paymentId={payment.id}
                  currency={payment.currency}
                  amount={toDecimalString(payment.unappliedMinor, payment.currency)}
                  buyers={buyers}
                  buyerId={payment.buyerId ?? suggestions[0]?.invoice.buyerId}
                />
              </CardBody>
            </Card>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
