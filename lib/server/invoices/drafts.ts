import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { buyers, invoiceLines, invoices } from "@/db/schema";
import type { InvoiceDraft } from "@/lib/domain/invoices";
import { toDecimalString } from "@/lib/domain/money";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { draftSchema } from "./schemas";

/** Who writes: the organization the invoice belongs to and the member acting. */
export interface InvoiceActor {
  organizationId: string;
  userId: string;
}

async function assertOwnBuyer(tx: Transaction, organizationId: string, buyerId: string): Promise<void> {
  const [buyer] = await tx
    .select({ id: buyers.id })
    .from(buyers)
    .where(and(eq(buyers.id, buyerId), eq(buyers.organizationId, organizationId)));
  if (!buyer) throw new ActionError("invoice_buyer_not_found");
}

function draftColumns(draft: InvoiceDraft) {
  return {
    buyerId: draft.buyerId,
    currency: draft.currency,
    issueDate: draft.issueDate,
    terms: draft.terms,
    incoterm: draft.incoterm,
    incotermPlace: draft.incotermPlace,
    portOfLoading: draft.portOfLoading,
    portOfDischarge: draft.portOfDischarge,
    billOfLadingNumber: draft.billOfLadingNumber,
    billOfLadingDate: draft.billOfLadingDate,
    notes: draft.notes,
    subtotalMinor: draft.totals.subtotalMinor,
    discountMinor: draft.totals.discountMinor,
    freightMinor: draft.totals.freightMinor,
    insuranceMinor: draft.totals.insuranceMinor,
    otherChargesMinor: draft.totals.otherChargesMinor,
    totalMinor: draft.totals.totalMinor,
  };
}

async function insertLines(tx: Transaction, invoiceId: string, draft: InvoiceDraft): Promise<void> {
  await tx.insert(invoiceLines).values(
    draft.lines.map((line) => ({
      invoiceId,
      position: line.position,
      description: line.description,
      hsCode: line.hsCode,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      amountMinor: line.amountMinor,
    })),
  );
}

/** A new draft invoice (no number, RF reference or pay link until it is issued). */
export async function createDraft(tx: Transaction, actor: InvoiceActor, draft: InvoiceDraft) {
  await assertOwnBuyer(tx, actor.organizationId, draft.buyerId);
  const [invoice] = await tx
    .insert(invoices)
    .values({ organizationId: actor.organizationId, createdBy: actor.userId, status: "draft", ...draftColumns(draft) })
    .returning();
  await insertLines(tx, invoice!.id, draft);
  return invoice!;
}

/** The invoice row, locked for this transaction; another organization's answers like a missing one. */
export async function lockInvoice(tx: Transaction, organizationId: string, invoiceId: string) {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.organizationId, organizationId)))
    .for("update");
  if (!invoice) throw new ActionError("not_found");
  return invoice;
}

/** Replaces everything of a draft; an issued invoice is refused (see updateIssuedDetails for what may change then). */
export async function updateDraft(tx: Transaction, actor: InvoiceActor, invoiceId: string, draft: InvoiceDraft) {
  const invoice = await lockInvoice(tx, actor.organizationId, invoiceId);
  if (invoice.status !== "draft") throw new ActionError("invoice_not_draft");
  await assertOwnBuyer(tx, actor.organizationId, draft.buyerId);
  const [updated] = await tx
    .update(invoices)
    .set({ ...draftColumns(draft), updatedAt: new Date() })
    .where(eq(invoices.id, invoiceId))
    .returning();
  await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
  await insertLines(tx, invoiceId, draft);
  return updated!;
}

function auditSummary(draft: InvoiceDraft) {
  return {
    buyerId: draft.buyerId,
    currency: draft.currency,
    total: toDecimalString(draft.totals.totalMinor, draft.currency),
    lines: draft.lines.length,
    terms: draft.terms,
  };
}

function requireDraft(draft: InvoiceDraft | null): InvoiceDraft {
  if (!draft) throw new ActionError("invoice_total_negative");
  return draft;
}

export const createDraftAction = defineAction({
  name: "invoices.createDraft",
  access: { kind: "org", roles: MONEY_ROLES },
  input: draftSchema({ org: z.string() }),
  async handler(ctx, input) {
    const draft = requireDraft(input.draft);
    const invoice = await createDraft(ctx.tx, { organizationId: ctx.organization.id, userId: ctx.auth.user.id }, draft);
    ctx.audit(`invoice:${invoice.id}`, auditSummary(draft));
    return { invoiceId: invoice.id };
  },
});

export const updateDraftAction = defineAction({
  name: "invoices.updateDraft",
  access: { kind: "org", roles: MONEY_ROLES },
  input: draftSchema({ org: z.string(), invoiceId: z.uuid() }),
  async handler(ctx, input) {
    const draft = requireDraft(input.draft);
    await updateDraft(ctx.tx, { organizationId: ctx.organization.id, userId: ctx.auth.user.id }, input.invoiceId, draft);
    ctx.audit(`invoice:${input.invoiceId}`, auditSummary(draft));
    return { invoiceId: input.invoiceId };
  },
});
