import { renderToBuffer } from "@react-pdf/renderer";
import { SettlementStatementDocument } from "@/components/settlement/statement-document";
import { BATCH_PDF_LABEL_KEYS, type BatchPdfData, type BatchPdfLabels } from "@/components/settlement/statement-pdf-data";
import type { Executor } from "@/db/client";
import { localDateTime } from "@/lib/domain/time/local-date-time";
import { bilingualTexts, statementHolder } from "../invoice-pdf/bilingual";
import { registerPdfFonts } from "../invoice-pdf/fonts";
import { SETTLEMENT_TIME_ZONE } from "./ledger-reads";
import type { LoadedBatch } from "./statement";

/** The batch statement as a bilingual PDF: every label in English with its Chinese. */
export async function batchPdf(executor: Executor, loaded: LoadedBatch, now = new Date()): Promise<Uint8Array> {
  const { batch, statement } = loaded;
  const status = batch.status === "settled" ? "settled" : "held";
  const feeTypes = [...new Set(statement.lines.flatMap((line) => (line.kind === "fee" ? [line.feeType] : [])))];
  const [labels, feeNames, sourceNames, statuses, holderNames] = await Promise.all([
    bilingualTexts("settlement.pdf", BATCH_PDF_LABEL_KEYS),
    bilingualTexts("settlement.feeTypes", feeTypes),
    bilingualTexts("settlement.sources", ["bank", "card"]),
    bilingualTexts("settlement.statuses", [status]),
    statementHolder(executor, batch.organizationId),
  ]);
  const generated = localDateTime(now, SETTLEMENT_TIME_ZONE);
  const data: BatchPdfData = {
    holder: holderNames,
    batchId: batch.id,
    runDate: batch.runDate,
    status,
    statusName: statuses[status]!,
    statement,
    payoutReference: loaded.payout?.bankReference ?? null,
    generatedAt: `${generated.date} ${generated.time.slice(0, 5)}`,
    feeNames,
    sourceNames,
  };
  registerPdfFonts();
  return new Uint8Array(await renderToBuffer(SettlementStatementDocument({ data, labels: labels as BatchPdfLabels })));
}
