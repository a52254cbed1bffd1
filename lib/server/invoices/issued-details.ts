import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { invoices, type organizations } from "@/db/schema";
import { isIsoDate, TEXT_LIMITS } from "@/lib/domain/invoices";
import { localDateOf } from "@/lib/domain/time/local-day";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { lockInvoice } from "./drafts";
import { refreshInstalmentDates } from "./instalment-dates";

/** What may still change once an invoice is issued: nothing that changes an amount. */
export interface IssuedDetails {
  notes: string | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  billOfLadingNumber: string | null;
  billOfLadingDate: string | null;
}

/**
 * Updates the shipment details and notes of an issued invoice. A new B/L date dates the B/L-anchored instalments (the
 * usual balance "60 days after B/L"), and the invoice's next due date and overdue flag follow.
 */
export async function updateIssuedDetails(
  tx: Transaction,
  who: { organization: typeof organizations.$inferSelect; now?: Date },
  invoiceId: string,
  details: IssuedDetails,
) {
  const invoice = await lockInvoice(tx, who.organization.id, invoiceId);
  if (invoice.status === "draft") throw new ActionError("invoice_is_draft");
  if (invoice.status === "void") throw new ActionError("invoice_void");
  const [updated] = await tx.update(invoices).set({ ...details, updatedAt: new Date() }).where(eq(invoices.id, invoiceId)).returning();
  if (invoice.billOfLadingDate !== details.billOfLadingDate) {
    await refreshInstalmentDates(tx, updated!, localDateOf(who.now ?? new Date(), who.organization.timezone));
  }
  return { before: invoice, after: updated! };
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .default("")
    .transform((value) => (value === "" ? null : value));

export const updateIssuedDetailsAction = defineAction({
  name: "invoices.updateIssuedDetails",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({
    org: z.string(),
    invoiceId: z.uuid(),
    notes: optionalText(TEXT_LIMITS.notes),
    portOfLoading: optionalText(TEXT_LIMITS.place),
    portOfDischarge: optionalText(TEXT_LIMITS.place),
    billOfLadingNumber: optionalText(TEXT_LIMITS.billOfLadingNumber),
    billOfLadingDate: optionalText(10).refine((value) => value === null || isIsoDate(value), "validation.format"),
  }),
  async handler(ctx, { org: _org, invoiceId, ...details }) {
    const { before, after } = await updateIssuedDetails(ctx.tx, { organization: ctx.organization }, invoiceId, details);
    const changed = Object.fromEntries(
      (Object.keys(details) as (keyof IssuedDetails)[]).filter((key) => before[key] !== after[key]).map((key) => [key, { from: before[key], to: after[key] }]),
    );
    ctx.audit(`invoice:${invoiceId}`, { number: after.number, changed });
    return { invoiceId };
  },
});
