import { statementCsvRows } from "@/lib/domain/account-statements";
import { csvLines } from "@/lib/domain/csv/cell";
import type { LoadedStatement } from "./load";

/** The statement as CSV text (CRLF lines), one row per line of each account with its running balance. */
export function statementCsv({ statement, timeZone, references }: LoadedStatement): string {
  return csvLines(statementCsvRows(statement, timeZone, references));
}
