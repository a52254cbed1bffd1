import Papa from "papaparse";
import { toDecimalString } from "@/lib/domain/money";
import type { ExportCell, ExportColumn } from "./columns";

/** Text a spreadsheet would run as a formula gets a leading quote; plain signed numbers are left as they are. */
const FORMULA = /^[=+\-@\t\r](?!\d+(\.\d+)?$)/;

export function csvText(cell: ExportCell): string {
  switch (cell.kind) {
    case "text":
    case "date":
      return cell.value ?? "";
    case "money":
      return toDecimalString(cell.minor, cell.currency);
    case "datetime":
      return cell.value ? cell.value.toISOString() : "";
  }
}

/** The CSV, chunk by chunk: the header line (column keys), then one chunk per page. */
export async function* csvChunks<Row>(columns: readonly ExportColumn<Row>[], pages: AsyncIterable<readonly Row[]>): AsyncGenerator<string> {
  yield Papa.unparse([columns.map((column) => column.key)]) + "\r\n";
  for await (const rows of pages) {
    yield Papa.unparse(
      rows.map((row) => columns.map((column) => csvText(column.cell(row)))),
      { escapeFormulae: FORMULA },
    ) + "\r\n";
  }
}
