import { csvLines } from "@/lib/domain/csv/cell";
import { toDecimalString } from "@/lib/domain/money";
import type { ExportCell, ExportColumn } from "./columns";

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
  yield csvLines([columns.map((column) => column.key)]);
  for await (const rows of pages) {
    yield csvLines(rows.map((row) => columns.map((column) => csvText(column.cell(row)))));
  }
}
