import { csvLines } from "@/lib/domain/csv/cell";
import { batchCsvRows } from "@/lib/domain/settlement";
import type { LoadedBatch } from "./statement";

/** The batch statement as CSV text (CRLF lines). */
export function batchCsv(loaded: LoadedBatch): string {
  return csvLines(batchCsvRows(loaded.statement, loaded.payout?.bankReference ?? null));
}
