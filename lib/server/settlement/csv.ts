import Papa from "papaparse";
import { batchCsvRows } from "@/lib/domain/settlement";
import type { LoadedBatch } from "./statement";

// Cells a spreadsheet would run as a formula get a leading quote; plain negative amounts are left alone.
const FORMULA = /^[=+\-@\t\r](?!\d+(\.\d+)?$)/;

/** The batch statement as CSV text (CRLF lines). */
export function batchCsv(loaded: LoadedBatch): string {
  return Papa.unparse(batchCsvRows(loaded.statement, loaded.payout?.bankReference ?? null), { escapeFormulae: FORMULA, newline: "\r\n" }) + "\r\n";
}
