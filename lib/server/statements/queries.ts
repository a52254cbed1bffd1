import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { incomingPayments, statementImports } from "@/db/schema";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { fromDatabaseFormat } from "./formats";
import type { StatementImportFailure, StatementResult } from "./run-import";

export type StatementImportRow = ReturnType<typeof present>;

function present(row: typeof statementImports.$inferSelect) {
  const statements = row.summaries as unknown as StatementResult[];
  return {
    id: row.id,
    format: fromDatabaseFormat(row.format),
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    status: row.status,
    /** Read in the first pass: what the progress bar counts up to (null while the file is being checked). */
    total: statements.length > 0 ? statements.reduce((sum, s) => sum + s.transactions, 0) : null,
    transactionCount: row.transactionCount,
    importedCount: row.importedCount,
    duplicateCount: row.duplicateCount,
    matchedCount: row.matchedCount,
    skippedCount: statements.reduce((sum, s) => sum + s.skippedDebits + s.skippedNotOurs, 0),
    balanceMismatch: row.balanceMismatch,
    statements,
    error: row.error ? (JSON.parse(row.error) as StatementImportFailure) : null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

export async function listStatementImports(organizationId: string, limit = 50): Promise<StatementImportRow[]> {
  const rows = await db()
    .select()
    .from(statementImports)
    .where(eq(statementImports.organizationId, organizationId))
    .orderBy(desc(statementImports.createdAt))
    .limit(limit);
  return rows.map(present);
}

export async function statementImport(organizationId: string, importId: string): Promise<StatementImportRow | null> {
  if (!z.uuid().safeParse(importId).success) return null;
  const [row] = await db()
    .select()
    .from(statementImports)
    .where(and(eq(statementImports.id, importId), eq(statementImports.organizationId, organizationId)));
  return row ? present(row) : null;
}

/** The incoming payments an import created, newest booking first. */
export function importPayments(organizationId: string, importId: string, limit = 500) {
  return db()
    .select({
      id: incomingPayments.id,
      bookingDate: incomingPayments.bookingDate,
      valueDate: incomingPayments.valueDate,
      currency: incomingPayments.currency,
      amountMinor: incomingPayments.amountMinor,
      unappliedMinor: incomingPayments.unappliedMinor,
      bankRef: incomingPayments.bankRef,
      reference: incomingPayments.reference,
      remittanceText: incomingPayments.remittanceText,
      payerName: incomingPayments.payerName,
      matchStatus: incomingPayments.matchStatus,
    })
    .from(incomingPayments)
    .where(and(eq(incomingPayments.organizationId, organizationId), eq(incomingPayments.statementImportId, importId)))
    .orderBy(desc(incomingPayments.bookingDate), incomingPayments.bankRef)
    .limit(limit);
}

/** What the progress bar polls. */
export const importStatusAction = defineAction({
  name: "statements.importStatus",
  input: z.object({ org: z.string(), importId: z.uuid() }),
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  readOnly: true,
  async handler(ctx, input) {
    const row = await statementImport(ctx.organization.id, input.importId);
    if (!row) throw new ActionError("statement_import_not_found");
    const { statements: _statements, ...status } = row;
    return status;
  },
});
