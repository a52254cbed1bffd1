import Papa from "papaparse";
import { statementCsvRows } from "@/lib/domain/account-statements";
import type { LoadedStatement } from "./load";

// Cells a spreadsheet would run as a formula get a leading quote; plain negative amounts are left alone.
const FORMULA = /^[=+\-@\t\r](?!\d+(\.\d+)?$)/;

/** The statement as CSV text (CRLF lines), one row per line of each account with its running balance. */
export function statementCsv({ statement, timeZone, references }: LoadedStatement): string {
  return Papa.unparse(statementCsvRows(statement, timeZone, references), { escapeFormulae: FORMULA, newline: "\r\n" }) + "\r\n";
}
