import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { statementImports } from "@/db/schema";
import { ActionError } from "../guard/action-error";
import { MONEY_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";
import { importSettings } from "./files";
import { startStoredImport } from "./runner";

/**
 * Runs an import again from its stored file: after a crash (still `processing` with nobody running it) or an
 * interruption (`failed` with the file kept). Safe by construction: what was stored is recognised as duplicates,
 * and a run still going holds the import's lock, so the retry does nothing.
 */
export const retryImportAction = defineAction({
  name: "statements.retryImport",
  input: z.object({ org: z.string(), importId: z.uuid() }),
  access: { kind: "org", roles: MONEY_ROLES },
  async handler(ctx, input) {
    const [row] = await ctx.tx
      .select({ id: statementImports.id, status: statementImports.status })
      .from(statementImports)
      .where(and(eq(statementImports.id, input.importId), eq(statementImports.organizationId, ctx.organization.id)))
      .for("update");
    if (!row) throw new ActionError("statement_import_not_found");
    if (row.status === "completed" || !(await importSettings(row.id))) throw new ActionError("statement_import_not_retryable");
    await ctx.tx.update(statementImports).set({ status: "processing", error: null, finishedAt: null }).where(eq(statementImports.id, row.id));
    ctx.audit(`statement-import:${row.id}`, {});
    ctx.afterCommit(() => startStoredImport(row.id));
    return { importId: row.id };
  },
});
