import { rateAsPercent } from "../fees/rates";
import { toDecimalString } from "../money";
import { localDateTime } from "../time/local-date-time";
import { monthDates } from "./month";
import { causeKey, type StatementReference } from "./reference";
import type { AccountStatement, StatementLine } from "./types";

export const STATEMENT_CSV_COLUMNS = [
  "account",
  "date",
  "time",
  "type",
  "description",
  "reference",
  "entry_id",
  "debit",
  "credit",
  "balance",
  "currency",
  "fee_type",
  "fee_basis",
  "fee_rate_percent",
] as const;

function referenceText(line: StatementLine, references: ReadonlyMap<string, StatementReference>): string {
  if (!line.cause) return "";
  return references.get(causeKey(line.cause))?.label ?? `${line.cause.type}:${line.cause.id}`;
}

/**
 * The statement as CSV rows (header first): per account an opening row, every line with its running balance, and a
 * closing row. Times are the organization's local time; amounts are plain decimals, debits and credits positive.
 */
export function statementCsvRows(
  statement: AccountStatement,
  timeZone: string,
  references: ReadonlyMap<string, StatementReference>,
): string[][] {
  const { currency } = statement;
  const amount = (minor: bigint) => toDecimalString(minor, currency);
  const { first, last } = monthDates(statement.month);
  const rows: string[][] = [[...STATEMENT_CSV_COLUMNS]];
  for (const section of statement.sections) {
    const edge = (date: string, type: string, balance: bigint) => [section.kind, date, "", type, "", "", "", "", "", amount(balance), currency, "", "", ""];
    rows.push(edge(first, "opening_balance", section.openingMinor));
    for (const line of section.lines) {
      const { date, time } = localDateTime(line.postedAt, timeZone);
      const fee = line.fee;
      rows.push([
        section.kind,
        date,
        time,
        fee ? "fee" : line.entryType,
        line.description,
        referenceText(line, references),
        line.entryId,
        line.debitMinor > 0n ? amount(line.debitMinor) : "",
        line.creditMinor > 0n ? amount(line.creditMinor) : "",
        amount(line.balanceMinor),
        currency,
        fee?.type ?? "",
        fee?.basisMinor != null ? amount(fee.basisMinor) : "",
        fee?.rate != null ? rateAsPercent(fee.rate) : "",
      ]);
    }
    rows.push(edge(last, "closing_balance", section.closingMinor));
  }
  return rows;
}
