import Link from "next/link";
import type { Locale } from "@/i18n/catalog";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { ClaimForm } from "./agent-forms";
import { DisputeStatusBadge, TierBadge } from "./badges";
import { NextDeadline } from "./deadline";
import { caseMoney } from "./format";
import type { OrganizationDisputeRow } from "./organization-dispute-table";
import { disputeTranslations } from "./translations";

export interface QueueRow extends OrganizationDisputeRow {
  organizationName: string;
  buyerCountry: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

/** The agents' queue, in the order given (nearest deadline first); an unassigned case can be claimed in its row. */
export async function QueueTable({ rows, now, locale, timeZone }: { rows: readonly QueueRow[]; now: Date; locale: Locale; timeZone: string }) {
  const t = await disputeTranslations(locale);
  return (
    <Table caption={t("admin.queueTitle")} data-testid="dispute-queue">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.deadline")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.case")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.organization")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.buyer")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.tier")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.amount")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.assignee")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={8}>{t("list.empty")}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="queue-row" data-number={row.number}>
            <TableCell>
              <NextDeadline kind={row.nextDueKind} dueAt={row.nextDueAt} breachedNow={row.breachedNow} everBreached={row.everBreached} now={now} locale={locale} timeZone={timeZone} />
            </TableCell>
            <TableCell>
              <Link href={`/admin/disputes/${row.id}`} className="font-medium whitespace-nowrap text-teal-800 hover:underline" aria-label={t("admin.openCase", { number: row.number })}>
                {row.number}
              </Link>
              <div className="text-xs text-slate-600">{t(`category.${row.category}`)}</div>
            </TableCell>
            <TableCell className="min-w-48">{row.organizationName}</TableCell>
            <TableCell className="min-w-36">{row.buyerCountry ? `${row.buyerName} (${row.buyerCountry})` : row.buyerName}</TableCell>
            <TableCell>
              <TierBadge tier={row.tier} t={t} />
            </TableCell>
            <TableCell>
              <DisputeStatusBadge status={row.status} t={t} />
            </TableCell>
            <TableCell numeric>{caseMoney(row.disputedMinor, row.currency, locale)}</TableCell>
            <TableCell>{row.assigneeName ?? <ClaimForm disputeId={row.id} label={t("admin.claimNamed", { number: row.number })} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
