import Papa from "papaparse";

// Cells a spreadsheet would run as a formula get a leading quote; plain signed numbers are left alone.
const FORMULA = /^[=+\-@\t\r](?!\d+(\.\d+)?$)/;

/** Rows as CSV text: comma-separated, CRLF after every line (the last too), cells quoted where needed. */
export function csvLines(rows: string[][]): string {
  return Papa.unparse(rows, { escapeFormulae: FORMULA, newline: "\r\n" }) + "\r\n";
}
