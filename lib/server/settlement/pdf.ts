import { renderToBuffer } from "@react-pdf/renderer";
import { eq } from "drizzle-orm";
import type { BilingualText } from "@/components/invoice-pdf/invoice-pdf-data";
import { SettlementStatementDocument } from "@/components/settlement/statement-document";
import { BATCH_PDF_LABEL_KEYS, type BatchPdfData, type BatchPdfLabels } from "@/components/settlement/statement-pdf-data";
import type { Executor } from "@/db/client";
import { kybApplications, organizations } from "@/db/schema";
import { localDateTime } from "@/lib/domain/account-statements";
import { translator } from "../i18n/translator";
import { registerPdfFonts } from "../invoice-pdf/fonts";
import { SETTLEMENT_TIME_ZONE } from "./ledger-reads";
import type { LoadedBatch } from "./statement";

async function bilingual(namespace: string, keys: readonly string[]): Promise<Record<string, BilingualText>> {
  const [en, zh] = await Promise.all([translator("en", namespace), translator("zh-CN", namespace)]);
  return Object.fromEntries(keys.filter((key) => en.has(key) && zh.has(key)).map((key) => [key, { en: en(key), zh: zh(key) }]));
}

/** The account holder as on its KYB application (legal names), else the organization's name. */
async function holder(executor: Executor, organizationId: string): Promise<BatchPdfData["holder"]> {
  const [row] = await executor
    .select({ name: organizations.name, nameEn: kybApplications.legalNameEn, nameZh: kybApplications.legalNameZh })
    .from(organizations)
    .leftJoin(kybApplications, eq(kybApplications.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  return { nameEn: row?.nameEn || row?.name || "", nameZh: row?.nameZh || null };
}

/** The batch statement as a bilingual PDF: every label in English with its Chinese. */
export async function batchPdf(executor: Executor, loaded: LoadedBatch, now = new Date()): Promise<Uint8Array> {
  const { batch, statement } = loaded;
  const status = batch.status === "settled" ? "settled" : "held";
  const feeTypes = [...new Set(statement.lines.flatMap((line) => (line.kind === "fee" ? [line.feeType] : [])))];
  const [labels, feeNames, sourceNames, statuses, holderNames] = await Promise.all([
    bilingual("settlement.pdf", BATCH_PDF_LABEL_KEYS),
    bilingual("settlement.feeTypes", feeTypes),
    bilingual("settlement.sources", ["bank", "card"]),
    bilingual("settlement.statuses", [status]),
    holder(executor, batch.organizationId),
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
  // Called as a function (it has no hooks) so that the root element is typed as @react-pdf's <Document>.
  return new Uint8Array(await renderToBuffer(SettlementStatementDocument({ data, labels: labels as BatchPdfLabels })));
}
