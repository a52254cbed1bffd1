import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableEmptyRow, TableFoot, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { causeKey, type StatementLine, type StatementReference, type StatementSection } from "@/lib/domain/account-statements";
import { rateAsPercent } from "@/lib/domain/fees";
import { isUuid } from "@/lib/domain/ledger";
import { entryDescription } from "@/lib/domain/ledger/descriptions";
import { formatMoney, type Locale } from "@/lib/domain/money";

/** Lines shown per account on the page; the downloads carry every line. */
export const VIEW_LINE_LIMIT = 500;

interface SectionProps {
  section: StatementSection;
  currency: string;
  org: string;
  timeZone: string;
  references: ReadonlyMap<string, StatementReference>;
}

/** One account's month: opening balance, every line with the balance after it, closing balance with the totals. */
export async function StatementSectionTable({ section, currency, org, timeZone, references }: SectionProps) {
  const t = await getTranslations("account-statements");
  const balances = await getTranslations("balances");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint) => formatMoney(minor, currency, locale);
  const account = t(`accounts.${section.kind}`);
  const shown = section.lines.slice(0, VIEW_LINE_LIMIT);

  const description = (line: StatementLine) => {
    if (line.fee) {
      const name = t.has(`feeTypes.${line.fee.type}`) ? t(`feeTypes.${line.fee.type}`) : line.fee.type;
      const rated = line.fee.rate !== null && line.fee.basisMinor !== null ? t("fee.rated", { rate: rateAsPercent(line.fee.rate), basis: money(line.fee.basisMinor) }) : null;
      return (
        <>
          <span className="font-medium">{name}</span>
          {rated ? <span className="text-slate-600"> · {rated}</span> : null}
          {line.fee.refund ? <span className="text-slate-600"> · {t("fee.refund")}</span> : null}
        </>
      );
    }
    return (
      <>
        <Link href={`/o/${org}/balances/entries/${line.entryId}`} className="font-medium text-teal-800 hover:underline">
          {balances.has(`types.${line.entryType}`) ? balances(`types.${line.entryType}`) : line.entryType}
        </Link>
        <span className="block min-w-48 text-xs break-words text-slate-600">{entryDescription(balances, line.description)}</span>
      </>
    );
  };

  const reference = (line: StatementLine) => {
    if (!line.cause) return null;
    const found = references.get(causeKey(line.cause));
    if (found?.href) {
      return (
        <Link href={found.href} className="text-teal-800 hover:underline">
          {found.label}
        </Link>
      );
    }
    if (found) return found.label;
    const kind = balances.has(`causes.${line.cause.type}`) ? balances(`causes.${line.cause.type}`) : line.cause.type;
    return `${kind} · ${isUuid(line.cause.id) ? line.cause.id.slice(0, 8) : line.cause.id}`;
  };

  return (
    <Card data-testid={`statement-section-${section.kind}`}>
      <CardHeader title={t("section.title", { account })} description={t(`accountHints.${section.kind}`)} />
      {section.lines.length > shown.length ? (
        <div className="px-5 pt-4">
          <Alert tone="info">{t("section.truncated", { count: section.lines.length, shown: shown.length })}</Alert>
        </div>
      ) : null}
      <Table caption={t("section.caption", { account })}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("columns.date")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.description")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.reference")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("columns.debit")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("columns.credit")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("columns.balance")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow className="bg-slate-50/60">
            <TableCell />
            <TableCell className="font-medium">{t("openingBalance")}</TableCell>
            <TableCell />
            <TableCell />
            <TableCell />
            <TableCell numeric className="font-medium">
              {money(section.openingMinor)}
            </TableCell>
          </TableRow>
          {section.lines.length === 0 ? <TableEmptyRow colSpan={6}>{t("noLines")}</TableEmptyRow> : null}
          {shown.map((line, index) => (
            <TableRow key={`${line.lineId}-${index}`} data-kind={line.kind}>
              <TableCell className="tabular text-sm whitespace-nowrap">
                {format.dateTime(line.postedAt, { dateStyle: "medium", timeZone })}
                <span className="block text-xs text-slate-600">{format.dateTime(line.postedAt, { timeStyle: "short", timeZone })}</span>
              </TableCell>
              <TableCell className="text-sm">{description(line)}</TableCell>
              <TableCell className="max-w-40 text-sm break-words">{reference(line)}</TableCell>
              <TableCell numeric className="text-red-700">
                {line.debitMinor > 0n ? money(line.debitMinor) : ""}
              </TableCell>
              <TableCell numeric className="text-emerald-700">
                {line.creditMinor > 0n ? money(line.creditMinor) : ""}
              </TableCell>
              <TableCell numeric>{money(line.balanceMinor)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFoot>
          <TableRow>
            <TableCell />
            <TableCell>{t("closingBalance")}</TableCell>
            <TableCell />
            <TableCell numeric>{money(section.debitsMinor)}</TableCell>
            <TableCell numeric>{money(section.creditsMinor)}</TableCell>
            <TableCell numeric className="font-semibold" data-testid={`statement-closing-${section.kind}`}>
              {money(section.closingMinor)}
            </TableCell>
          </TableRow>
        </TableFoot>
      </Table>
    </Card>
  );
}
