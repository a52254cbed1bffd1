import type { BilingualText } from "@/components/invoice-pdf/invoice-pdf-data";
import type { BatchStatement } from "@/lib/domain/settlement";

/** The settlement statement PDF's fixed texts (settlement.pdf.*), each printed in English with its Chinese. */
export const BATCH_PDF_LABEL_KEYS = [
  "title",
  "batch",
  "runDate",
  "currency",
  "payoutCurrency",
  "status",
  "payoutReference",
  "generated",
  "summary",
  "item",
  "amount",
  "collections",
  "clearedOn",
  "reference",
  "gross",
  "fees",
  "net",
  "grossTotal",
  "other",
  "settled",
  "converted",
  "rate",
  "netPaid",
  "reconciled",
  "held",
  "pending",
  "page",
] as const;

export type BatchPdfLabels = Record<(typeof BATCH_PDF_LABEL_KEYS)[number], BilingualText>;

/** Everything the statement PDF prints, already read and checked: the components never touch the database. */
export interface BatchPdfData {
  holder: { nameEn: string; nameZh: string | null };
  batchId: string;
  runDate: string;
  status: "held" | "settled";
  statusName: BilingualText;
  statement: BatchStatement;
  payoutReference: string | null;
  /** When the PDF was made, China time: `YYYY-MM-DD HH:MM`. */
  generatedAt: string;
  /** Names of the fee types and collection sources the statement shows. */
  feeNames: Record<string, BilingualText>;
  sourceNames: Record<string, BilingualText>;
}
