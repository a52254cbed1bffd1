import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/i18n/catalog";
import { reservesMoney, type DisputeCategory, type DisputeOutcome, type RootCause } from "@/lib/domain/disputes";
import { caseMoney, caseTime } from "./format";
import { disputeTranslations } from "./translations";

export interface CaseSummaryDispute {
  category: DisputeCategory;
  currency: string;
  disputedMinor: bigint;
  reservedMinor: bigint;
  reserveShortfallMinor: bigint;
  buyerName: string;
  buyerCountry: string | null;
  organizationName: string;
  invoiceNumber: string | null;
  paymentReference: string | null;
  openedAt: Date;
  openedByName: string | null;
  assigneeName: string | null;
  description: string;
  buyerClaim: string;
  paidByCard: boolean;
  outcome: DisputeOutcome | null;
  buyerShareMinor: bigint | null;
  factoryShareMinor: bigint | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  decisionNote: string | null;
  rootCause: RootCause | null;
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3" data-testid={testId}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="tabular mt-1 text-lg font-semibold text-slate-900">{value}</dd>
    </div>
  );
}

/**
 * The amounts the case holds or moved, and its facts. `links` turns the invoice and payment into links where the
 * reader may open them (the factory).
 */
export async function CaseSummary({
  dispute,
  locale,
  timeZone,
  links = {},
}: {
  dispute: CaseSummaryDispute;
  locale: Locale;
  timeZone: string;
  links?: { invoice?: string; payment?: string };
}) {
  const t = await disputeTranslations(locale);
  const money = (minor: bigint) => caseMoney(minor, dispute.currency, locale);
  const decided = dispute.outcome !== null && dispute.buyerShareMinor !== null && dispute.factoryShareMinor !== null;
  const none = t("case.none");
  const subject = (label: string | null, href: string | undefined): ReactNode =>
    label === null ? none : href ? <Link href={href} className="font-medium text-teal-800 hover:underline">{label}</Link> : label;
  const facts: [string, ReactNode][] = [
    [t("case.category"), t(`category.${dispute.category}`)],
    [t("case.organization"), dispute.organizationName],
    [t("case.buyer"), dispute.buyerCountry ? `${dispute.buyerName} (${dispute.buyerCountry})` : dispute.buyerName],
    [t("case.invoice"), subject(dispute.invoiceNumber, links.invoice)],
    [t("case.payment"), subject(dispute.paymentReference, links.payment)],
    [t("case.opened"), caseTime(dispute.openedAt, locale, timeZone)],
    [t("case.openedBy"), dispute.openedByName ?? t("party.system")],
    [t("case.assignee"), dispute.assigneeName ?? t("case.unassigned")],
  ];
  if (dispute.paidByCard) facts.push([t("case.paidByCard"), "✓"]);
  return (
    <div className="flex flex-col gap-5">
      <dl className="grid gap-3 sm:grid-cols-3" data-testid="dispute-money">
        <Figure label={t("money.disputed")} value={money(dispute.disputedMinor)} testId="dispute-disputed" />
        {decided ? (
          <>
            <Figure label={t("money.factoryShare")} value={money(dispute.factoryShareMinor!)} testId="dispute-factory-share" />
            <Figure label={t("money.buyerShare")} value={money(dispute.buyerShareMinor!)} testId="dispute-buyer-share" />
          </>
        ) : reservesMoney(dispute.category) ? (
          <>
            <Figure label={t("money.reserved")} value={money(dispute.reservedMinor)} testId="dispute-reserved" />
            <Figure label={t("money.shortfall")} value={money(dispute.reserveShortfallMinor)} testId="dispute-shortfall" />
          </>
        ) : null}
      </dl>
      {!decided && !reservesMoney(dispute.category) ? <p className="text-sm text-slate-600">{t("money.nothingHeld")}</p> : null}
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <dl className="grid gap-4 text-sm md:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-900">{t("case.buyerClaim")}</dt>
          <dd className="mt-1 whitespace-pre-line text-slate-800">{dispute.buyerClaim || none}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">{t("case.description")}</dt>
          <dd className="mt-1 whitespace-pre-line text-slate-800">{dispute.description || none}</dd>
        </div>
      </dl>
      {decided ? (
        <dl className="grid gap-x-6 gap-y-3 rounded-md border border-slate-200 px-4 py-3 text-sm sm:grid-cols-2 lg:grid-cols-4" data-testid="dispute-decision">
          <div>
            <dt className="text-slate-600">{t("outcome.label")}</dt>
            <dd className="font-medium text-slate-900">{t(`outcome.${dispute.outcome}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("case.decidedAt")}</dt>
            <dd className="text-slate-900">{dispute.decidedAt ? caseTime(dispute.decidedAt, locale, timeZone) : none}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("case.decidedBy")}</dt>
            <dd className="text-slate-900">{dispute.decidedByName ?? none}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("rootCause.label")}</dt>
            <dd className="text-slate-900">{dispute.rootCause ? t(`rootCause.${dispute.rootCause}`) : none}</dd>
          </div>
          {dispute.decisionNote ? (
            <div className="sm:col-span-2 lg:col-span-4">
              <dt className="text-slate-600">{t("case.decisionNote")}</dt>
              <dd className="whitespace-pre-line text-slate-900">{dispute.decisionNote}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
