import { rm } from "node:fs/promises";
import { z } from "zod";
import { STATEMENT_FORMATS, type StatementFormat } from "@/lib/domain/statements";
import { ActionError } from "../guard/action-error";
import { MONEY_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";
import { csvMappingFor } from "./csv-mappings";
import { keepForImport, receiveFile, UploadTooLargeError } from "./files";
import { createStatementImport } from "./imports";
import { detectFileFormat } from "./read-file";
import { startStoredImport } from "./runner";

/** Largest statement file accepted (a year of a busy account in camt.053 stays well below). */
export const MAX_STATEMENT_BYTES = 200 * 1024 * 1024;

const isBody = (value: unknown): value is ReadableStream<Uint8Array> => value instanceof ReadableStream;

/**
 * Takes an uploaded statement file (the raw request body, streamed to disk) and starts its import in this process;
 * the page then polls the import's row. The guard has run before a byte of the body is read.
 */
export const uploadStatementAction = defineAction({
  name: "statements.upload",
  input: z.object({
    org: z.string(),
    fileName: z.string().trim().min(1).max(255),
    format: z.enum(STATEMENT_FORMATS as [StatementFormat, ...StatementFormat[]]).optional(),
    /** The bank whose saved CSV mapping reads the file (CSV only). */
    bank: z.string().trim().max(100).optional(),
    body: z.custom<ReadableStream<Uint8Array>>(isBody),
  }),
  access: { kind: "org", roles: MONEY_ROLES },
  async handler(ctx, input) {
    let received;
    try {
      received = await receiveFile(input.body as unknown as AsyncIterable<Uint8Array>, MAX_STATEMENT_BYTES);
    } catch (error) {
      if (error instanceof UploadTooLargeError) throw new ActionError("statement_file_too_large", { limitMb: MAX_STATEMENT_BYTES / 2 ** 20 });
      throw error;
    }
    const file = received.path;
    ctx.afterRollback(() => rm(file, { force: true }));
    if (received.sizeBytes === 0) throw new ActionError("statement_file_empty");
    const format = input.format ?? (await detectFileFormat(file));
    let csvMapping;
    if (format === "csv") {
      if (!input.bank) throw new ActionError("statement_csv_mapping_required");
      csvMapping = await csvMappingFor(ctx.tx, ctx.organization.id, input.bank);
      if (!csvMapping) throw new ActionError("statement_csv_mapping_not_found", { bank: input.bank });
    }
    const importId = await createStatementImport(ctx.tx, {
      organizationId: ctx.organization.id,
      format,
      fileName: input.fileName,
      sha256: received.sha256,
      sizeBytes: received.sizeBytes,
      importedBy: ctx.auth.user.id,
    });
    await keepForImport(file, importId, csvMapping ? { csvMapping } : {});
    ctx.audit(`statement-import:${importId}`, { fileName: input.fileName, format, sizeBytes: received.sizeBytes, sha256: received.sha256, bank: input.bank ?? null });
    ctx.afterCommit(() => startStoredImport(importId));
    return { importId, format };
  },
});
