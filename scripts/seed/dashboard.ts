import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { buyers, feeCharges, invoiceInstalments, invoices, organizations, paymentAllocations } from "@/db/schema";
import { lastMonths } from "@/lib/domain/dashboard";
import { addDays, validateDraft, type DraftInput } from "@/lib/domain/invoices";
import { localDateOf, startOfLocalDate } from "@/lib/domain/time/local-day";
import { compactDashboard } from "@/lib/server/dashboard/compact";
import { createDraft } from "@/lib/server/invoices/drafts";
import { refreshInstalmentDates } from "@/lib/server/invoices/instalment-dates";
import { issueInvoice } from "@/lib/server/invoices/issue";
import { simulateIncomingTransfer } from "@/lib/server/matching/sandbox-transfer";
import type { FoundationSeed } from "./foundation";

const NET_30 = { kind: "single", days: "30", anchor: "issue" } as const;

/** Invoices due this many days ago (negative: not yet due), one per aging bucket and two in 31–60, in the buyer's currency. */
const AGING_PLAN: { currency: string; dueDaysAgo: number; description: string; quantity: string; unitPrice: string }[] = [
  { currency: "USD", dueDaysAgo: -20, description: "Cordless drill 18V Li-ion, 2 batteries", quantity: "300", unitPrice: "38.50" },
  { currency: "EUR", dueDaysAgo: 12, description: "Angle grinder 115 mm, 750 W", quantity: "600", unitPrice: "16.40" },
  { currency: "USD", dueDaysAgo: 38, description: "Combination pliers 200 mm, CrV", quantity: "4000", unitPrice: "2.35" },
  { currency: "GBP", dueDaysAgo: 52, description: "Brass padlock 40 mm, 3 keys", quantity: "5000", unitPrice: "1.62" },
  { currency: "USD", dueDaysAgo: 75, description: "Open-end spanner set 8–24 mm, 8 pcs", quantity: "1200", unitPrice: "6.90" },
  { currency: "EUR", dueDaysAgo: 118, description: "Stainless door hinges 100×75 mm", quantity: "7000", unitPrice: "1.31" },
];

/** Collections over twelve months: one invoice a month in turn of these currencies, paid in full within the month. */
const MONTHLY_CURRENCIES = ["USD", "EUR", "USD", "GBP", "USD", "EUR"];

function draftOf(input: DraftInput) {
  const result = validateDraft(input);
  if (!result.ok) throw new Error(`seed invoice is invalid: ${JSON.stringify(result.issues)}`);
  return result.draft;
}

/**
 * What the dashboard needs beyond the other seeds, through the app's own functions: Haiguang invoices owing in every
 * aging bucket (current, 1–30, 31–60 twice, 61–90, over 90), and twelve months of collections (an invoice issued early
 * each month and paid by a sandbox transfer quoting its RF reference later that month, paid and fee dates set to the
 * transfer's day). Runs after the other seeds, so their picks of open invoices are not disturbed.
 */
export async function seedDashboard(tx: Transaction, seed: FoundationSeed): Promise<void> {
  const [factory] = await tx.select().from(organizations).where(eq(organizations.id, seed.factory.id));
  const organization = factory!;
  const today = localDateOf(new Date(), organization.timezone);
  const actor = { organizationId: organization.id, userId: seed.userIds.finance };
  const known = await tx.select({ id: buyers.id, currency: buyers.defaultCurrency }).from(buyers).where(eq(buyers.organizationId, organization.id));
  const buyerFor = (currency: string) => {
    const buyer = known.find((row) => row.currency === currency);
    if (!buyer) throw new Error(`seed has no ${currency} buyer for Haiguang`);
    return buyer.id;
  };

  async function issue(currency: string, issueDate: string, line: { description: string; quantity: string; unitPrice: string }) {
    const draft = await createDraft(
      tx,
      actor,
      draftOf({
        buyerId: buyerFor(currency),
        currency,
        issueDate,
        lines: [{ ...line, hsCode: "8467.21.00", unit: "pcs" }],
        terms: NET_30,
        incoterm: "FOB",
        incotermPlace: "Ningbo",
        portOfLoading: "Ningbo",
        portOfDischarge: currency === "EUR" ? "Hamburg" : currency === "GBP" ? "Felixstowe" : "Los Angeles",
      }),
    );
    await issueInvoice(tx, { organization, userId: seed.userIds.finance }, draft.id);
    await tx
      .update(invoices)
      .set({ issuedAt: new Date(startOfLocalDate(issueDate, organization.timezone).getTime() + 9 * 3_600_000) })
      .where(eq(invoices.id, draft.id));
    await refreshInstalmentDates(tx, { id: draft.id, issueDate, billOfLadingDate: null }, today);
    const [issued] = await tx.select({ id: invoices.id, rfReference: invoices.rfReference, totalMinor: invoices.totalMinor }).from(invoices).where(eq(invoices.id, draft.id));
    return issued!;
  }

  for (const plan of AGING_PLAN) await issue(plan.currency, addDays(today, -30 - plan.dueDaysAgo), plan);

  for (const [index, month] of lastMonths(today, 12).entries()) {
    const currency = MONTHLY_CURRENCIES[index % MONTHLY_CURRENCIES.length]!;
    const issueDate = `${month}-03` <= today ? `${month}-03` : today;
    const paidOn = addDays(issueDate, 20) <= today ? addDays(issueDate, 20) : today;
    const invoice = await issue(currency, issueDate, { description: "Self-tapping screws ST4.2×19, stainless", quantity: String(3_000_000 + index * 250_000), unitPrice: "0.0125" });
    const { paymentId } = await simulateIncomingTransfer(tx, {
      organizationId: organization.id,
      currency,
      amountMinor: invoice.totalMinor,
      payerName: null,
      remittanceText: invoice.rfReference,
      bookingDate: paidOn,
      timeZone: organization.timezone,
      createdBy: seed.userIds.finance,
    });
    // Paid when the money arrived, not when the seed ran: the buyers' days late and the fees' months follow.
    const paidAt = new Date(startOfLocalDate(paidOn, organization.timezone).getTime() + 11 * 3_600_000);
    await tx.update(invoiceInstalments).set({ paidAt }).where(and(eq(invoiceInstalments.invoiceId, invoice.id), eq(invoiceInstalments.status, "paid")));
    await tx.update(invoices).set({ paidAt }).where(and(eq(invoices.id, invoice.id), eq(invoices.status, "paid")));
    const entries = tx.select({ entryId: paymentAllocations.entryId }).from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId));
    await tx.update(feeCharges).set({ chargedAt: paidAt }).where(inArray(feeCharges.entryId, entries));
  }
  await compactDashboard(tx);
}
