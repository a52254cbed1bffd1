import { and, asc, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { buyers, collectionAccounts, invoiceInstalments, invoices } from "@/db/schema";
import { formatRfReference } from "@/lib/domain/statements";
import { simulateIncomingTransfer, type SimulatedTransfer } from "@/lib/server/matching/sandbox-transfer";
import type { FoundationSeed } from "./foundation";

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Haiguang's incoming transfers through the sandbox bank, matched as statement lines are: a deposit quoting the RF
 * reference, a payment in full quoting the invoice number, an overpayment kept as credit, a deposit short by bank
 * charges, a EUR payment quoting a USD invoice (held for a person), and three transfers without a reference that
 * wait in the queue with suggestions. Picks the seeded open invoices in number order, whatever they are.
 */
export async function seedPayments(tx: Transaction, foundation: FoundationSeed): Promise<void> {
  const organizationId = foundation.factory.id;
  const accounts = await tx.select({ currency: collectionAccounts.currency }).from(collectionAccounts).where(eq(collectionAccounts.organizationId, organizationId));
  const receivable = new Set(accounts.map((account) => account.currency));
  const open = await tx
    .select({ id: invoices.id, number: invoices.number, rfReference: invoices.rfReference, currency: invoices.currency, totalMinor: invoices.totalMinor, paidMinor: invoices.paidMinor, buyerName: buyers.name })
    .from(invoices)
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(and(eq(invoices.organizationId, organizationId), inArray(invoices.status, ["open", "partially_paid"])))
    .orderBy(asc(invoices.number));
  const usd = open.filter((invoice) => invoice.currency === "USD" && receivable.has("USD"));
  const firstDue = async (invoiceId: string) => {
    const [instalment] = await tx
      .select({ amountMinor: invoiceInstalments.amountMinor, paidMinor: invoiceInstalments.paidMinor })
      .from(invoiceInstalments)
      .where(and(eq(invoiceInstalments.invoiceId, invoiceId), inArray(invoiceInstalments.status, ["open", "partially_paid"])))
      .orderBy(asc(invoiceInstalments.position))
      .limit(1);
    return instalment ? instalment.amountMinor - instalment.paidMinor : 0n;
  };
  const send = (transfer: Omit<SimulatedTransfer, "organizationId" | "createdBy">) =>
    simulateIncomingTransfer(tx, { organizationId, createdBy: foundation.userIds.finance, ...transfer });
  const payer = (name: string) => name.toUpperCase().replace(/[.,]/g, "");

  const [deposit, full, over, charged, foreign, ...rest] = usd;
  if (deposit) {
    await send({ currency: "USD", amountMinor: await firstDue(deposit.id), payerName: payer(deposit.buyerName), remittanceText: `DEPOSIT ${formatRfReference(deposit.rfReference!)}`, bookingDate: daysAgo(12) });
  }
  if (full) {
    const spelled = full.number!.replace(/-/g, " ").toLowerCase();
    await send({ currency: "USD", amountMinor: full.totalMinor - full.paidMinor, payerName: payer(full.buyerName), remittanceText: `Payment ${spelled} thank you`, bookingDate: daysAgo(9) });
  }
  if (over) {
    await send({ currency: "USD", amountMinor: over.totalMinor - over.paidMinor + 25_000n, payerName: payer(over.buyerName), remittanceText: over.rfReference, bookingDate: daysAgo(7) });
  }
  if (charged) {
    const due = await firstDue(charged.id);
    if (due > 5_000n) {
      await send({ currency: "USD", amountMinor: due - 2_500n, chargesMinor: 2_500n, payerName: payer(charged.buyerName), remittanceText: `/RFB/${charged.rfReference} OUR CHARGES SHA`, bookingDate: daysAgo(5) });
    }
  }
  if (foreign && receivable.has("EUR")) {
    // Quotes a USD invoice but pays in EUR: left for a person, who enters what it settles.
    await send({ currency: "EUR", amountMinor: 180_000n, payerName: payer(foreign.buyerName), remittanceText: `${foreign.rfReference} EUR PAYMENT`, bookingDate: daysAgo(4) });
  }
  // No reference at all: the queue, with suggestions by amount, name and due date.
  for (const [index, invoice] of rest.slice(0, 3).entries()) {
    const due = await firstDue(invoice.id);
    if (due <= 0n) continue;
    const amountMinor = index === 1 ? due - 1_500n : due;
    await send({ currency: "USD", amountMinor, payerName: index === 2 ? null : payer(invoice.buyerName), remittanceText: ["ORDER DEPOSIT", "PO 4471 BALANCE", "TT PAYMENT"][index], bookingDate: daysAgo(2 - Math.min(index, 2)) });
  }
  if (rest.length === 0 && receivable.has("USD")) {
    await send({ currency: "USD", amountMinor: 1_250_000n, payerName: "PACIFIC RIM HARDWARE PTY LTD", remittanceText: "ORDER DEPOSIT", bookingDate: daysAgo(1) });
  }
}
