import { toDecimalString } from "../money";
import type { BatchStatement, StatementLine } from "./batch";

export const BATCH_CSV_COLUMNS = [
  "line",
  "reference",
  "source",
  "cleared_on",
  "fee_type",
  "basis",
  "rate",
  "currency",
  "amount",
  "counter_currency",
  "counter_amount",
  "mid_rate",
  "payout_reference",
] as const;

function row(line: StatementLine, payoutReference: string | null): string[] {
  const amount = toDecimalString(line.amountMinor, line.currency);
  const cells: Record<(typeof BATCH_CSV_COLUMNS)[number], string> = {
    line: line.kind,
    reference: "",
    source: "",
    cleared_on: "",
    fee_type: "",
    basis: "",
    rate: "",
    currency: line.currency,
    amount,
    counter_currency: "",
    counter_amount: "",
    mid_rate: "",
    payout_reference: "",
  };
  switch (line.kind) {
    case "collection":
      Object.assign(cells, { reference: line.reference, source: line.source, cleared_on: line.clearedOn });
      break;
    case "fee":
      Object.assign(cells, {
        reference: line.reference ?? "",
        fee_type: line.feeType,
        basis: line.basisMinor === null ? "" : toDecimalString(line.basisMinor, line.currency),
        rate: line.rate ?? "",
      });
      break;
    case "fx":
      Object.assign(cells, { rate: line.rate, counter_currency: line.counterCurrency, counter_amount: toDecimalString(line.counterAmountMinor, line.counterCurrency), mid_rate: line.mid });
      break;
    case "net":
      cells.payout_reference = payoutReference ?? "";
      break;
    default:
      break;
  }
  return BATCH_CSV_COLUMNS.map((column) => cells[column]);
}

/**
 * The batch statement as spreadsheet rows: the header, then every line in order with signed decimal amounts in its
 * own currency (subtotal lines gross, settled and net included, marked by `line`), the payout's bank reference on the
 * net line.
 */
export function batchCsvRows(statement: BatchStatement, payoutReference: string | null): string[][] {
  return [[...BATCH_CSV_COLUMNS], ...statement.lines.map((line) => row(line, payoutReference))];
}
