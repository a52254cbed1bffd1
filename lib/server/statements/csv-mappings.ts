import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { csvMappings } from "@/db/schema";
import type { CsvMapping } from "@/lib/domain/statements";
import { ActionError } from "../guard/action-error";
import { MONEY_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";

const column = z.string().trim().max(100);
const optionalColumn = column.optional().transform((value) => (value ? value : undefined));

/** A CsvMapping as the mapping form sends it: empty optional columns are left out. */
export const csvMappingSchema = z.object({
  delimiter: z.enum([",", ";", "\t", "|"]).optional(),
  dateFormat: z.enum(["YYYY-MM-DD", "DD.MM.YYYY", "MM/DD/YYYY", "YYYYMMDD"]),
  decimalSeparator: z.enum([".", ","]),
  columns: z.object({
    account: optionalColumn,
    currency: optionalColumn,
    amount: column.min(1),
    direction: z
      .object({ column: column.min(1), creditValue: column.min(1), debitValue: column.min(1) })
      .optional(),
    bookingDate: column.min(1),
    valueDate: optionalColumn,
    bankRef: column.min(1),
    text: optionalColumn,
    party: optionalColumn,
    ref: optionalColumn,
  }),
  defaults: z
    .object({
      account: optionalColumn,
      currency: z
        .string()
        .trim()
        .regex(/^([A-Z]{3})?$/)
        .optional()
        .transform((value) => (value ? value : undefined)),
    })
    .optional(),
});

/** Without an account or currency column, the mapping must say which account and currency the file is for. */
function checkComplete(mapping: CsvMapping): void {
  if (!mapping.columns.account && !mapping.defaults?.account) throw new ActionError("statement_csv_mapping_needs_account");
  if (!mapping.columns.currency && !mapping.defaults?.currency) throw new ActionError("statement_csv_mapping_needs_currency");
}

const sameBank = (organizationId: string, bankName: string) =>
  and(eq(csvMappings.organizationId, organizationId), sql`lower(${csvMappings.bankName}) = lower(${bankName.trim()})`);

export async function csvMappingFor(executor: Executor, organizationId: string, bankName: string): Promise<CsvMapping | null> {
  const [row] = await executor.select({ mapping: csvMappings.mapping }).from(csvMappings).where(sameBank(organizationId, bankName));
  return row ? (row.mapping as unknown as CsvMapping) : null;
}

export function listCsvMappings(organizationId: string) {
  return db()
    .select({ id: csvMappings.id, bankName: csvMappings.bankName, mapping: csvMappings.mapping, updatedAt: csvMappings.updatedAt })
    .from(csvMappings)
    .where(eq(csvMappings.organizationId, organizationId))
    .orderBy(asc(sql`lower(${csvMappings.bankName})`));
}

/** Creates or replaces the organization's mapping for one bank (bank names compare without case). */
export const saveCsvMappingAction = defineAction({
  name: "statements.saveCsvMapping",
  input: z.object({ org: z.string(), bankName: z.string().trim().min(1).max(100), mapping: csvMappingSchema }),
  access: { kind: "org", roles: MONEY_ROLES },
  async handler(ctx, input) {
    const mapping = input.mapping as CsvMapping;
    checkComplete(mapping);
    const stored = mapping as unknown as Record<string, unknown>;
    const [existing] = await ctx.tx.select({ id: csvMappings.id }).from(csvMappings).where(sameBank(ctx.organization.id, input.bankName)).for("update");
    const [row] = existing
      ? await ctx.tx
          .update(csvMappings)
          .set({ bankName: input.bankName, mapping: stored, updatedBy: ctx.auth.user.id, updatedAt: new Date() })
          .where(eq(csvMappings.id, existing.id))
          .returning({ id: csvMappings.id })
      : await ctx.tx
          .insert(csvMappings)
          .values({ organizationId: ctx.organization.id, bankName: input.bankName, mapping: stored, updatedBy: ctx.auth.user.id })
          .onConflictDoNothing()
          .returning({ id: csvMappings.id });
    if (!row) throw new ActionError("statement_csv_mapping_taken");
    ctx.audit(`csv-mapping:${row.id}`, { bankName: input.bankName, mapping: stored });
    return { id: row.id };
  },
});

export const deleteCsvMappingAction = defineAction({
  name: "statements.deleteCsvMapping",
  input: z.object({ org: z.string(), mappingId: z.uuid() }),
  access: { kind: "org", roles: MONEY_ROLES },
  async handler(ctx, input) {
    const [row] = await ctx.tx
      .delete(csvMappings)
      .where(and(eq(csvMappings.id, input.mappingId), eq(csvMappings.organizationId, ctx.organization.id)))
      .returning({ id: csvMappings.id, bankName: csvMappings.bankName });
    if (!row) throw new ActionError("statement_csv_mapping_not_found", { bank: "" });
    ctx.audit(`csv-mapping:${row.id}`, { bankName: row.bankName });
    return { id: row.id };
  },
});
