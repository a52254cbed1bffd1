import { z } from "zod";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction, type OrgContext } from "../guard/define-action";
import { batchCsv } from "./csv";
import { batchPdf } from "./pdf";
import { loadBatch } from "./statement";

const batchRequest = z.object({ org: z.string(), batchId: z.string() });

/** The organization's batch, audited as downloaded; another organization's answers "not found". */
async function requestedBatch(ctx: OrgContext, batchId: string, format: "csv" | "pdf") {
  const loaded = await loadBatch(ctx.organization.id, batchId, ctx.tx);
  if (!loaded) throw new ActionError("not_found");
  ctx.audit(`settlement-batch:${loaded.batch.id}`, { format, runDate: loaded.batch.runDate, currency: loaded.batch.currency });
  return loaded;
}

const fileName = (ctx: OrgContext, loaded: { batch: { currency: string; runDate: string } }, extension: string) =>
  `settlement-${ctx.organization.slug}-${loaded.batch.currency}-${loaded.batch.runDate}.${extension}`;

/** Any member's settlement statement as CSV. */
export const downloadBatchCsvAction = defineAction({
  name: "settlement.downloadCsv",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: batchRequest,
  async handler(ctx, input) {
    const loaded = await requestedBatch(ctx, input.batchId, "csv");
    return { csv: batchCsv(loaded), name: fileName(ctx, loaded, "csv") };
  },
});

/** Any member's settlement statement as a bilingual PDF. */
export const downloadBatchPdfAction = defineAction({
  name: "settlement.downloadPdf",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: batchRequest,
  async handler(ctx, input) {
    const loaded = await requestedBatch(ctx, input.batchId, "pdf");
    return { bytes: await batchPdf(ctx.tx, loaded), contentType: "application/pdf" as const, name: fileName(ctx, loaded, "pdf") };
  },
});
