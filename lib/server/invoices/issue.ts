import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { invoiceInstalments, invoiceSequences, invoices, type organizations } from "@/db/schema";
import { formatInvoiceNumber, invoiceRfReference, readStoredTerms, scheduleInstalments } from "@/lib/domain/invoices";
import { toDecimalString } from "@/lib/domain/money";
import { localDateOf } from "@/lib/domain/time/local-day";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { assertOrganizationApproved } from "../kyb";
import { lockInvoice } from "./drafts";
import { refreshInstalmentDates } from "./instalment-dates";

export interface IssuingMember {
  organization: typeof organizations.$inferSelect;
  userId: string;
  now?: Date;
}

/** The organization's next number for `year`: the counter row is created or incremented, and stays locked until commit. */
async function nextSequence(tx: Transaction, organizationId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(invoiceSequences)
    .values({ organizationId, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [invoiceSequences.organizationId, invoiceSequences.year], set: { lastNumber: sql`${invoiceSequences.lastNumber} + 1` } })
    .returning({ lastNumber: invoiceSequences.lastNumber });
  return row!.lastNumber;
}

/**
 * Issues a draft: KYB approval required; the next number of the issue date's year (counter row locked, so concurrent
 * issues get consecutive numbers), its RF creditor reference, a pay token (32 random bytes, base64url) and the
 * instalments of its terms, split without losing a minor unit and dated (B/L-anchored ones wait for the B/L date).
 */
export async function issueInvoice(tx: Transaction, who: IssuingMember, invoiceId: string) {
  const now = who.now ?? new Date();
  const invoice = await lockInvoice(tx, who.organization.id, invoiceId);
  await assertOrganizationApproved({ tx, organization: who.organization });
  if (invoice.status !== "draft") throw new ActionError("invoice_not_draft");
  if (invoice.totalMinor <= 0n) throw new ActionError("invoice_total_zero");
  const terms = readStoredTerms(invoice.terms);
  if (!terms) throw new ActionError("invoice_terms_invalid");

  const year = Number(invoice.issueDate.slice(0, 4));
  const sequence = await nextSequence(tx, who.organization.id, year);
  const number = formatInvoiceNumber(year, sequence);
  const rfReference = invoiceRfReference(who.organization.id, year, sequence);
  const instalments = scheduleInstalments(invoice.totalMinor, terms, { issueDate: invoice.issueDate, billOfLadingDate: invoice.billOfLadingDate });
  await tx.insert(invoiceInstalments).values(
    instalments.map((instalment) => ({
      invoiceId: invoice.id,
      organizationId: who.organization.id,
      position: instalment.position,
      label: instalment.label,
      shareBps: instalment.shareBps,
      amountMinor: instalment.amountMinor,
      dueRule: instalment.dueRule,
      dueDate: instalment.dueDate,
    })),
  );
  await tx
    .update(invoices)
    .set({ status: "open", number, rfReference, payToken: randomBytes(32).toString("base64url"), issuedAt: now, issuedBy: who.userId })
    .where(eq(invoices.id, invoice.id));
  await refreshInstalmentDates(tx, invoice, localDateOf(now, who.organization.timezone));
  return { ...invoice, number, rfReference, instalments };
}

export const issueInvoiceAction = defineAction({
  name: "invoices.issue",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), invoiceId: z.uuid() }),
  async handler(ctx, input) {
    const issued = await issueInvoice(ctx.tx, { organization: ctx.organization, userId: ctx.auth.user.id }, input.invoiceId);
    ctx.audit(`invoice:${issued.id}`, {
      number: issued.number,
      rfReference: issued.rfReference,
      total: `${issued.currency} ${toDecimalString(issued.totalMinor, issued.currency)}`,
      instalments: issued.instalments.map((i) => ({ label: i.label, amount: toDecimalString(i.amountMinor, issued.currency), dueDate: i.dueDate })),
    });
    return { invoiceId: issued.id, number: issued.number, rfReference: issued.rfReference };
  },
});
