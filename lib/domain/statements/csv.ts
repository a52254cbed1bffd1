import Papa from "papaparse";
import { checkCurrency, parseStatementAmount } from "./amount";
import type { CsvMapping } from "./csv-mapping";
import { isRealDate } from "./dates";
import { StatementParseError } from "./errors";
import { chooseRef, cleanText } from "./reference";
import type { StatementSummary, StatementTransaction } from "./transaction";

export { CSV_MAPPINGS, type CsvMapping } from "./csv-mapping";

const DATE_PATTERNS: Record<CsvMapping["dateFormat"], { pattern: RegExp; order: [number, number, number] }> = {
  "YYYY-MM-DD": { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: [1, 2, 3] },
  "DD.MM.YYYY": { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
  "MM/DD/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  YYYYMMDD: { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] },
};

function fail(line: number, element: string, message: string, value?: string): never {
  throw new StatementParseError("csv_malformed", { line, element, ...(value !== undefined ? { value } : {}) }, message);
}

function parseDate(text: string, format: CsvMapping["dateFormat"], line: number, element: string): string {
  const { pattern, order } = DATE_PATTERNS[format];
  const match = pattern.exec(text.trim());
  if (!match) fail(line, element, `Date "${text}" is not ${format}`, text);
  const [y, m, d] = order.map((i) => match[i]!);
  const iso = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  if (!isRealDate(iso)) fail(line, element, `No such date "${text}"`, text);
  return iso;
}

/** "-1.234,56", "1,234.56", "(12.50)", "12,50-" → sign and exact minor units. */
function parseSignedAmount(text: string, currency: string, separator: "." | ",", line: number, element: string) {
  let body = text.replace(/[\s\u00A0\u202F']/g, "");
  let negative = false;
  if (/^\(.*\)$/.test(body)) [negative, body] = [true, body.slice(1, -1)];
  if (/^[+-]/.test(body)) [negative, body] = [negative || body[0] === "-", body.slice(1)];
  else if (/-$/.test(body)) [negative, body] = [true, body.slice(0, -1)];
  const grouping = separator === "." ? "," : ".";
  if (body.includes(grouping) && !/^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d*)?$/.test(body)) fail(line, element, `Not an amount: "${text}"`, text);
  const minor = parseStatementAmount(body.split(grouping).join(""), currency, separator, { line, element });
  return { negative, minor };
}

type Columns = Record<Exclude<keyof CsvMapping["columns"], "direction"> | "direction", number | undefined>;

/**
 * Reads a bank's CSV export row by row with its saved mapping: the first row is the header, then one transaction
 * per row. Rows arrive already split into cells (by papaparse, whole or streamed); `line` is the row's number.
 */
export class CsvReader {
  private at?: Columns;
  private readonly summaries = new Map<string, StatementSummary>();

  constructor(private readonly mapping: CsvMapping) {}

  /** The header (first call) gives nothing; every later row gives its transaction. */
  push(row: string[], line: number): StatementTransaction | undefined {
    if (!this.at) {
      this.at = this.header(row);
      return undefined;
    }
    return this.transaction(row, line, this.at);
  }

  /** One summary per account and currency (CSV exports carry no balances). */
  end(): StatementSummary[] {
    if (!this.at) fail(1, "header", "Empty CSV file");
    return [...this.summaries.values()];
  }

  private header(row: string[]): Columns {
    const names = row.map((name) => name.replace(/^\uFEFF/, "").trim().toLowerCase());
    const index = (column: string | undefined): number | undefined => {
      if (column === undefined) return undefined;
      const at = names.indexOf(column.trim().toLowerCase());
      if (at === -1) fail(1, column, `Column "${column}" not found in the header`);
      return at;
    };
    const { columns } = this.mapping;
    return {
      account: index(columns.account),
      currency: index(columns.currency),
      amount: index(columns.amount)!,
      direction: index(columns.direction?.column),
      bookingDate: index(columns.bookingDate)!,
      valueDate: index(columns.valueDate),
      bankRef: index(columns.bankRef)!,
      text: index(columns.text),
      party: index(columns.party),
      ref: index(columns.ref),
    };
  }

  private transaction(row: string[], line: number, at: Columns): StatementTransaction {
    const { mapping } = this;
    const { columns } = mapping;
    const cell = (column: number | undefined) => (column === undefined ? undefined : cleanText(row[column]));
    const required = (column: number, name: string) => cell(column) ?? fail(line, name, `Empty "${name}"`);
    const account = (cell(at.account) ?? mapping.defaults?.account)?.replace(/\s+/g, "");
    if (!account) fail(line, columns.account ?? "account", "No account");
    const currencyText = cell(at.currency) ?? mapping.defaults?.currency;
    if (!currencyText) fail(line, columns.currency ?? "currency", "No currency");
    const currency = checkCurrency(currencyText, { line, element: columns.currency ?? "currency" });
    const amount = parseSignedAmount(required(at.amount!, columns.amount), currency, mapping.decimalSeparator, line, columns.amount);
    let direction: StatementTransaction["direction"] = amount.negative ? "debit" : "credit";
    if (columns.direction) {
      const value = required(at.direction!, columns.direction.column).toLowerCase();
      if (value === columns.direction.creditValue.toLowerCase()) direction = "credit";
      else if (value === columns.direction.debitValue.toLowerCase()) direction = "debit";
      else fail(line, columns.direction.column, `Neither "${columns.direction.creditValue}" nor "${columns.direction.debitValue}"`, value);
    }
    const bookingDate = parseDate(required(at.bookingDate!, columns.bookingDate), mapping.dateFormat, line, columns.bookingDate);
    const valueText = cell(at.valueDate);
    const text = cell(at.text);
    const party = cell(at.party);
    const refCell = cell(at.ref);
    const ref = chooseRef({ structured: [refCell], texts: [text], endToEndId: refCell });
    const key = `${account}\u0000${currency}`;
    if (!this.summaries.has(key)) this.summaries.set(key, { account, currency, balanceMismatch: false });
    return {
      account,
      currency,
      direction,
      amountMinor: amount.minor,
      bookingDate,
      valueDate: valueText ? parseDate(valueText, mapping.dateFormat, line, columns.valueDate!) : bookingDate,
      bankRef: required(at.bankRef!, columns.bankRef),
      ...(ref !== undefined ? { ref } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(party !== undefined ? { party } : {}),
      reversal: false,
    };
  }
}

/** A papaparse error as the refusal naming its row. */
export function csvSyntaxError(error: { row?: number; message: string }): StatementParseError {
  return new StatementParseError("csv_malformed", { line: (error.row ?? 0) + 1, element: "row" }, `Malformed CSV: ${error.message}`);
}

/** A bank's CSV export read whole with its saved mapping; the first row is the header. All rows or none. */
export function parseCsv(content: string, mapping: CsvMapping): { statements: StatementSummary[]; transactions: StatementTransaction[] } {
  const parsed = Papa.parse<string[]>(content.replace(/^\uFEFF/, ""), {
    delimiter: mapping.delimiter ?? "",
    skipEmptyLines: "greedy",
  });
  const error = parsed.errors[0];
  if (error) throw csvSyntaxError(error);
  const reader = new CsvReader(mapping);
  const transactions: StatementTransaction[] = [];
  parsed.data.forEach((row, i) => {
    const tx = reader.push(row, i + 1);
    if (tx) transactions.push(tx);
  });
  return { statements: reader.end(), transactions };
}
