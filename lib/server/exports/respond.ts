import { csvStreamResponse } from "../http/csv-response";
import type { ExportFormat, ExportSpec } from "./columns";
import { csvChunks } from "./csv";
import { xlsxStream } from "./xlsx";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The export as a download in the chosen format, streamed; `spec.filename` without its extension. */
export function exportResponse<Row>(format: ExportFormat, spec: ExportSpec<Row>): Response {
  const name = spec.filename.replace(/[^\w.-]/g, "_");
  if (format === "csv") return csvStreamResponse(csvChunks(spec.columns, spec.pages), `${name}.csv`);
  return new Response(xlsxStream(spec.sheetName, spec.columns, spec.pages), {
    headers: { "content-type": XLSX_TYPE, "content-disposition": `attachment; filename="${name}.xlsx"`, "cache-control": "no-store" },
  });
}
