import Link from "next/link";
import type { Locale } from "@/i18n/catalog";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { entryDescription } from "@/lib/domain/ledger/descriptions";
import { caseMoney, caseTime } from "./format";
import { disputeTranslations } from "./translations";

export interface CaseEntry {
  id: string;
  description: string;
  createdAt: Date;
  /** Every line of the entry; the platform's side (clearing, fee revenue) is left out here. */
  lines: { kind: string; platform: boolean; amountMinor: bigint }[];
}

/** The ledger entries the case posted (reserve, release, refund) with their lines on the organization's accounts. */
export async function CaseEntries({ entries, currency, org, locale, timeZone }: { entries: readonly CaseEntry[]; currency: string; org: string; locale: Locale; timeZone: string }) {
  const [t, balances] = await Promise.all([disputeTranslations(locale), disputeTranslations(locale, "balances")]);
  return (
    <Table caption={t("ledger.title")} data-testid="dispute-entries">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("ledger.date")}</TableHeaderCell>
          <TableHeaderCell>{t("ledger.entry")}</TableHeaderCell>
          <TableHeaderCell>{t("ledger.lines")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.length === 0 ? <TableEmptyRow colSpan={3}>{t("ledger.empty")}</TableEmptyRow> : null}
        {entries.map((entry) => (
          <TableRow key={entry.id} data-testid="dispute-entry">
            <TableCell className="whitespace-nowrap">{caseTime(entry.createdAt, locale, timeZone)}</TableCell>
            <TableCell>
              <Link href={`/o/${org}/balances/entries/${entry.id}`} className="font-medium text-teal-800 hover:underline">
                {entryDescription(balances, entry.description)}
              </Link>
            </TableCell>
            <TableCell>
              <ul className="flex flex-col gap-0.5">
                {entry.lines.filter((line) => !line.platform).map((line, index) => (
                  <li key={`${line.kind}-${index}`} className="tabular flex justify-between gap-4" data-testid="dispute-entry-line" data-kind={line.kind}>
                    <span className="text-slate-600">{t(`ledger.kind.${line.kind}`)}</span>
                    <span className={line.amountMinor < 0n ? "text-red-700" : "text-slate-900"}>
                      {line.amountMinor > 0n ? "+" : ""}
                      {caseMoney(line.amountMinor, currency, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
