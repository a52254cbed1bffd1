import Link from "next/link";
import type { Locale } from "@/i18n/catalog";
import type { DisputeCategory, DisputeOutcome, RootCause } from "@/lib/domain/disputes";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { OutcomeBadge } from "./badges";
import { caseMoney, caseTime } from "./format";
import { disputeTranslations } from "./translations";

export interface LibraryRow {
  id: string;
  number: string;
  organizationName: string;
  buyerName: string;
  buyerCountry: string | null;
  category: DisputeCategory;
  outcome: DisputeOutcome | null;
  rootCause: RootCause | null;
  currency: string;
  disputedMinor: bigint;
  buyerShareMinor: bigint | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

/** Closed cases with their outcome, split, root cause and the reason given, to learn from. */
export async function LibraryTable({ rows, locale, timeZone }: { rows: readonly LibraryRow[]; locale: Locale; timeZone: string }) {
  const t = await disputeTranslations(locale);
  return (
    <Table caption={t("admin.library.caption")} data-testid="dispute-library">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.case")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.organization")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.buyer")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.category")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.outcome")}</TableHeaderCell>
          <TableHeaderCell>{t("rootCause.label")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.amount")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("money.buyerShare")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={8}>{t("admin.library.empty")}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="library-row">
            <TableCell>
              <Link href={`/admin/disputes/${row.id}`} className="font-medium whitespace-nowrap text-teal-800 hover:underline">
                {row.number}
              </Link>
              {row.decidedAt ? <div className="text-xs whitespace-nowrap text-slate-600">{caseTime(row.decidedAt, locale, timeZone)}</div> : null}
            </TableCell>
            <TableCell className="min-w-48">{row.organizationName}</TableCell>
            <TableCell className="min-w-36">{row.buyerCountry ? `${row.buyerName} (${row.buyerCountry})` : row.buyerName}</TableCell>
            <TableCell>{t(`category.${row.category}`)}</TableCell>
            <TableCell className="min-w-56">
              {row.outcome ? <OutcomeBadge outcome={row.outcome} t={t} /> : t("case.none")}
              {row.decisionNote ? <p className="mt-1 max-w-xs text-xs break-words text-slate-600">{row.decisionNote}</p> : null}
            </TableCell>
            <TableCell>{row.rootCause ? t(`rootCause.${row.rootCause}`) : t("case.none")}</TableCell>
            <TableCell numeric>{caseMoney(row.disputedMinor, row.currency, locale)}</TableCell>
            <TableCell numeric>{row.buyerShareMinor === null ? t("case.none") : caseMoney(row.buyerShareMinor, row.currency, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
