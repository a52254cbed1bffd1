import Link from "next/link";
import type { Locale } from "@/i18n/catalog";
import type { DeadlineKind, DisputeCategory, DisputeOutcome, DisputeStatus, DisputeTier } from "@/lib/domain/disputes";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { BreachBadge, DisputeStatusBadge, OutcomeBadge, TierBadge } from "./badges";
import { NextDeadline } from "./deadline";
import { caseMoney, caseTime } from "./format";
import { disputeTranslations } from "./translations";

export interface OrganizationDisputeRow {
  id: string;
  number: string;
  buyerName: string;
  category: DisputeCategory;
  tier: DisputeTier;
  status: DisputeStatus;
  currency: string;
  disputedMinor: bigint;
  reservedMinor: bigint;
  openedAt: Date;
  nextDueAt: Date | null;
  nextDueKind: DeadlineKind | null;
  breachedNow: boolean;
  everBreached: boolean;
  outcome: DisputeOutcome | null;
}

/** The factory's cases: what, with whom, where it stands, the next deadline and the money held. */
export async function OrganizationDisputeTable({ org, rows, now, locale, timeZone, emptyText }: { org: string; rows: readonly OrganizationDisputeRow[]; now: Date; locale: Locale; timeZone: string; emptyText: string }) {
  const t = await disputeTranslations(locale);
  return (
    <Table caption={t("list.caption")} data-testid="disputes-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.case")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.buyer")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.category")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.tier")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.deadline")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.amount")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={7}>{emptyText}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="dispute-row">
            <TableCell>
              <Link href={`/o/${org}/disputes/${row.id}`} className="font-medium whitespace-nowrap text-teal-800 hover:underline">
                {row.number}
              </Link>
              <div className="text-xs whitespace-nowrap text-slate-600">{caseTime(row.openedAt, locale, timeZone)}</div>
            </TableCell>
            <TableCell className="min-w-36">{row.buyerName}</TableCell>
            <TableCell>{t(`category.${row.category}`)}</TableCell>
            <TableCell>
              <TierBadge tier={row.tier} t={t} />
            </TableCell>
            <TableCell>
              <DisputeStatusBadge status={row.status} t={t} />
            </TableCell>
            <TableCell>
              {row.outcome ? (
                <span className="flex flex-col items-start gap-1">
                  <OutcomeBadge outcome={row.outcome} t={t} />
                  {row.everBreached ? <BreachBadge t={t} /> : null}
                </span>
              ) : (
                <NextDeadline kind={row.nextDueKind} dueAt={row.nextDueAt} breachedNow={row.breachedNow} everBreached={row.everBreached} now={now} locale={locale} timeZone={timeZone} />
              )}
            </TableCell>
            <TableCell numeric>
              <div>{caseMoney(row.disputedMinor, row.currency, locale)}</div>
              {row.reservedMinor > 0n ? <div className="text-xs text-slate-600">{t("list.reserved", { amount: caseMoney(row.reservedMinor, row.currency, locale) })}</div> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
