import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { invoiceInstalments, invoices, paymentAllocations } from "@/db/schema";
import { toDecimalString } from "@/lib/domain/money";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { lockInvoice, type InvoiceActor } from "./drafts";

/**
 * Voids an invoice that has no money on it: refused while any allocation to it is live (unmatch the payment first).
 * The invoice row is locked, so an allocation being made at the same moment waits and then sees it void.
 */
export async function voidInvoice(tx: Transaction, actor: InvoiceActor, invoiceId: string, reason: string, now = new Date()) {
  const invoice = await lockInvoice(tx, actor.organizationId, invoiceId);
  if (invoice.status === "void") throw new ActionError("invoice_void");
  const [live] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.invoiceId, invoiceId), isNull(paymentAllocations.reversedAt)));
  if ((live?.n ?? 0) > 0 || invoice.paidMinor > 0n) throw new ActionError("invoice_has_payments");
  await tx
    .update(invoices)
    .set({ status: "void", isOverdue: false, nextDueDate: null, voidedAt: now, voidedBy: actor.userId, voidReason: reason, updatedAt: now })
    .where(eq(invoices.id, invoiceId));
  await tx.update(invoiceInstalments).set({ status: "void", isOverdue: false }).where(eq(invoiceInstalments.invoiceId, invoiceId));
  return invoice;
}

export const voidInvoiceAction = defineAction({
  name: "invoices.void",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), invoiceId: z.uuid(), reason: z.string().trim().min(1, "validation.required").max(500) }),
  async handler(ctx, input) {
    const invoice = await voidInvoice(ctx.tx, { organizationId: ctx.organization.id, userId: ctx.auth.user.id }, input.invoiceId, input.reason);
    ctx.audit(`invoice:${invoice.id}`, {
      number: invoice.number,
      previousStatus: invoice.status,
      total: `${invoice.currency} ${toDecimalString(invoice.totalMinor, invoice.currency)}`,
      reason: input.reason,
    });
    return { invoiceId: invoice.id };
  },
});
