import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, type Transaction } from "@/db/client";
import { buyers, incomingPayments, invoiceInstalments, invoices, paymentAllocations } from "@/db/schema";
import { checkLedger } from "@/lib/server/ledger/verify";
import { accountBalance, createOrganization, org, platform } from "@/tests/fixtures/ledger";
import { allocateBatch } from "./allocate-batch";
import { allocateToBuyerCredit, allocateToInvoice, recomputeInvoice, reverseAllocation } from "./allocations";
import { recordBankReceipt, recordCardCollection } from "./receipts";

/** An issued USD invoice of 1,000.00: a 300.00 deposit due 2026-11-01 and a 700.00 balance waiting on the B/L. */
async function issuedInvoice(organizationId: string) {
  const [buyer] = await db()
    .insert(buyers)
    .values({ organizationId, name: `Northwind ${randomUUID()}`, country: "US", defaultCurrency: "USD", defaultTerms: { kind: "single", days: 60 } })
    .returning();
  const suffix = randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();
  const [invoice] = await db()
    .insert(invoices)
    .values({
      organizationId,
      buyerId: buyer!.id,
      number: `INV-2026-${suffix}`,
      rfReference: `RF00${suffix}`,
      payToken: randomUUID(),
      currency: "USD",
      status: "open",
      issueDate: "2026-10-01",
      terms: { kind: "deposit_balance" },
      subtotalMinor: 100_000n,
      totalMinor: 100_000n,
    })
    .returning();
  const [deposit, balance] = await db()
    .insert(invoiceInstalments)
    .values([
      { invoiceId: invoice!.id, organizationId, position: 1, label: "deposit", shareBps: 3000, amountMinor: 30_000n, dueRule: { anchor: "issue", days: 31 }, dueDate: "2026-11-01" },
      { invoiceId: invoice!.id, organizationId, position: 2, label: "balance", shareBps: 7000, amountMinor: 70_000n, dueRule: { anchor: "bill_of_lading", days: 60 } },
    ])
    .returning();
  return { buyer: buyer!, invoice: invoice!, deposit: deposit!, balance: balance! };
}

function receipt(organizationId: string, amountMinor: bigint, bankRef = randomUUID()) {
  return {
    organizationId,
    source: "bank_transfer" as const,
    accountIdentifier: "GB33BUKB20201555555555",
    bankRef,
    currency: "USD",
    amountMinor,
    bookingDate: "2026-11-20",
    valueDate: "2026-11-20",
    payerName: "Northwind Tools Inc",
  };
}

const inTransaction = <T>(work: (tx: Transaction) => Promise<T>) => db().transaction(work);

async function reload(invoiceId: string) {
  const [invoice] = await db().select().from(invoices).where(eq(invoices.id, invoiceId));
  const instalments = await db().select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoiceId)).orderBy(invoiceInstalments.position);
  return { invoice: invoice!, instalments };
}

describe("collections core", () => {
  it("takes a bank credit in once: bank clearing → unapplied", async () => {
    const organizationId = await createOrganization();
    const money = receipt(organizationId, 50_000n);
    const first = await inTransaction((tx) => recordBankReceipt(tx, money));
    const again = await inTransaction((tx) => recordBankReceipt(tx, money));
    expect(first.created).toBe(true);
    expect(again).toEqual({ paymentId: first.paymentId, created: false });
    expect(await accountBalance(org(organizationId, "unapplied"))).toBe(50_000n);
  });

  it("records the same bank transaction once when two imports race", async () => {
    const organizationId = await createOrganization();
    const money = receipt(organizationId, 12_345n);
    const results = await Promise.all([1, 2, 3].map(() => inTransaction((tx) => recordBankReceipt(tx, money))));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await accountBalance(org(organizationId, "unapplied"))).toBe(12_345n);
  });

  it("applies a payment oldest instalment first, keeps an overpayment as credit and unmatches by reversal", async () => {
    const organizationId = await createOrganization();
    const { invoice, buyer } = await issuedInvoice(organizationId);
    const { paymentId } = await inTransaction((tx) => recordBankReceipt(tx, receipt(organizationId, 40_000n)));

    await inTransaction((tx) => allocateToInvoice(tx, { paymentId, invoiceId: invoice.id, amountMinor: 40_000n, method: "rf_reference" }));
    let state = await reload(invoice.id);
    expect(state.invoice.status).toBe("partially_paid");
    expect(state.invoice.paidMinor).toBe(40_000n);
    expect(state.instalments.map((row) => [row.status, row.paidMinor])).toEqual([
      ["paid", 30_000n],
      ["partially_paid", 10_000n],
    ]);
    // Each instalment's part is charged the 0.6 % collection fee on its own: 180 + 60.
    expect(await accountBalance(org(organizationId, "available"))).toBe(40_000n - 240n);
    expect(await accountBalance(org(organizationId, "unapplied"))).toBe(0n);

    const over = await inTransaction((tx) => recordBankReceipt(tx, receipt(organizationId, 65_000n)));
    const { creditedMinor } = await inTransaction((tx) =>
      allocateToInvoice(tx, { paymentId: over.paymentId, invoiceId: invoice.id, amountMinor: 65_000n, method: "invoice_number" }),
    );
    expect(creditedMinor).toBe(5_000n);
    state = await reload(invoice.id);
    expect(state.invoice.status).toBe("paid");
    expect(state.invoice.paidAt).not.toBeNull();
    expect(await accountBalance(org(organizationId, "buyer_credit"))).toBe(5_000n);
    expect(await accountBalance(org(organizationId, "available"))).toBe(100_000n - 240n - 360n);

    const allocations = await db().select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, over.paymentId));
    const toInvoice = allocations.find((row) => row.target === "invoice")!;
    await inTransaction((tx) => reverseAllocation(tx, { allocationId: toInvoice.id, organizationId, userId: null }));
    state = await reload(invoice.id);
    expect(state.invoice.status).toBe("partially_paid");
    expect(state.invoice.paidMinor).toBe(40_000n);
    expect(await accountBalance(org(organizationId, "available"))).toBe(40_000n - 240n);
    const [payment] = await db().select().from(incomingPayments).where(eq(incomingPayments.id, over.paymentId));
    expect(payment!.unappliedMinor).toBe(60_000n);
    expect(payment!.matchStatus).toBe("partially_matched");
    expect(payment!.buyerId).toBe(buyer.id);
    await expect(inTransaction((tx) => reverseAllocation(tx, { allocationId: toInvoice.id, organizationId, userId: null }))).rejects.toMatchObject({
      code: "already_reversed",
    });
    expect((await inTransaction((tx) => checkLedger(tx))).failures).toEqual([]);
  });

  it("never allocates more than a payment holds, even when two matches race", async () => {
    const organizationId = await createOrganization();
    const { invoice } = await issuedInvoice(organizationId);
    const other = await issuedInvoice(organizationId);
    const { paymentId } = await inTransaction((tx) => recordBankReceipt(tx, receipt(organizationId, 30_000n)));
    const outcomes = await Promise.allSettled(
      [invoice.id, other.invoice.id].map((invoiceId) =>
        inTransaction((tx) => allocateToInvoice(tx, { paymentId, invoiceId, amountMinor: 30_000n, method: "manual" })),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({ reason: { code: "amount_exceeds_unapplied" } });
    expect(await accountBalance(org(organizationId, "available"))).toBe(30_000n - 180n);
  });

  it("settles a shortfall as bank charges and flags a payment in another currency", async () => {
    const organizationId = await createOrganization();
    const { invoice, deposit } = await issuedInvoice(organizationId);
    const short = await inTransaction((tx) => recordBankReceipt(tx, receipt(organizationId, 29_975n)));
    await inTransaction((tx) =>
      allocateToInvoice(tx, { paymentId: short.paymentId, invoiceId: invoice.id, amountMinor: 29_975n, bankChargesMinor: 25n, method: "manual" }),
    );
    const [settled] = await db().select().from(invoiceInstalments).where(eq(invoiceInstalments.id, deposit.id));
    expect(settled!.status).toBe("paid");

    const euros = await inTransaction((tx) => recordBankReceipt(tx, { ...receipt(organizationId, 60_000n), currency: "EUR" }));
    await expect(
      inTransaction((tx) => allocateToInvoice(tx, { paymentId: euros.paymentId, invoiceId: invoice.id, amountMinor: 60_000n, method: "manual" })),
    ).rejects.toMatchObject({ code: "invoice_amount_required" });
    await inTransaction((tx) =>
      allocateToInvoice(tx, { paymentId: euros.paymentId, invoiceId: invoice.id, amountMinor: 60_000n, invoiceAmountMinor: 65_000n, method: "manual" }),
    );
    const [flagged] = await db().select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, euros.paymentId));
    expect(flagged!.currencyMismatch).toBe(true);
    expect(await accountBalance(org(organizationId, "available", "EUR"))).toBe(60_000n - 360n);
  });

  it("refuses drafts, other organizations' invoices and buyers", async () => {
    const organizationId = await createOrganization();
    const stranger = await issuedInvoice(await createOrganization());
    const { invoice } = await issuedInvoice(organizationId);
    await db().update(invoices).set({ status: "void" }).where(eq(invoices.id, invoice.id));
    const { paymentId } = await inTransaction((tx) => recordBankReceipt(tx, receipt(organizationId, 1_000n)));
    await expect(inTransaction((tx) => allocateToInvoice(tx, { paymentId, invoiceId: invoice.id, amountMinor: 1_000n, method: "manual" }))).rejects.toMatchObject({
      code: "invoice_not_payable",
    });
    await expect(
      inTransaction((tx) => allocateToInvoice(tx, { paymentId, invoiceId: stranger.invoice.id, amountMinor: 1_000n, method: "manual" })),
    ).rejects.toMatchObject({ code: "invoice_not_found" });
    await expect(inTransaction((tx) => allocateToBuyerCredit(tx, { paymentId, buyerId: stranger.buyer.id, amountMinor: 1_000n }))).rejects.toMatchObject({
      code: "buyer_not_found",
    });
    await expect(
      inTransaction((tx) => reverseAllocation(tx, { allocationId: randomUUID(), organizationId, userId: null })),
    ).rejects.toMatchObject({ code: "allocation_not_found" });
  });

  it("a card payment goes to pending and pays the instalment once", async () => {
    const organizationId = await createOrganization();
    const { invoice, deposit } = await issuedInvoice(organizationId);
    const card = {
      organizationId,
      invoiceId: invoice.id,
      instalmentId: deposit.id,
      processor: "sandbox",
      processorPaymentId: `pi_${randomUUID()}`,
      currency: "USD",
      amountMinor: 30_000n,
      bookingDate: "2026-11-27",
    };
    const [first, second] = await Promise.all([inTransaction((tx) => recordCardCollection(tx, card)), inTransaction((tx) => recordCardCollection(tx, card))]);
    expect([first!.created, second!.created].sort()).toEqual([false, true]);
    expect(await accountBalance(org(organizationId, "pending"))).toBe(30_000n);
    expect(await accountBalance(platform("card_clearing"))).toBeLessThanOrEqual(-30_000n);
    const { invoice: reloaded, instalments } = await reload(invoice.id);
    expect(reloaded.status).toBe("partially_paid");
    expect(instalments[0]!.status).toBe("paid");
    const [allocation] = await db().select().from(paymentAllocations).where(eq(paymentAllocations.invoiceId, invoice.id));
    await expect(inTransaction((tx) => reverseAllocation(tx, { allocationId: allocation!.id, organizationId, userId: null }))).rejects.toMatchObject({
      code: "cannot_unmatch_card",
    });
  });

  it("marks an unpaid instalment overdue from the day after its due date", async () => {
    const organizationId = await createOrganization();
    const { invoice } = await issuedInvoice(organizationId);
    await inTransaction((tx) => recomputeInvoice(tx, invoice.id, "2026-11-01"));
    expect((await reload(invoice.id)).invoice.isOverdue).toBe(false);
    await inTransaction((tx) => recomputeInvoice(tx, invoice.id, "2026-11-02"));
    const { invoice: overdue, instalments } = await reload(invoice.id);
    expect(overdue.isOverdue).toBe(true);
    expect(overdue.nextDueDate).toBe("2026-11-01");
    expect(instalments.map((row) => row.isOverdue)).toEqual([true, false]);
  });

  it("applies many automatic matches at once as one by one would, skipping what the locked figures refuse", async () => {
    const organizationId = await createOrganization();
    const { invoice, buyer } = await issuedInvoice(organizationId);
    const other = await issuedInvoice(organizationId);
    const first = await inTransaction((tx) => recordBankReceipt(tx, receipt(organizationId, 40_000n)));
    const second = await inTransaction((tx) => recordBankReceipt(tx, receipt(organizationId, 65_000n)));
    const euros = await inTransaction((tx) => recordBankReceipt(tx, { ...receipt(organizationId, 1_000n), currency: "EUR" }));
    const outcome = await inTransaction((tx) =>
      allocateBatch(tx, organizationId, [
        { paymentId: first.paymentId, invoiceId: invoice.id, amountMinor: 40_000n, method: "rf_reference" },
        { paymentId: second.paymentId, invoiceId: invoice.id, amountMinor: 65_000n, method: "invoice_number" },
        { paymentId: euros.paymentId, invoiceId: other.invoice.id, amountMinor: 1_000n, method: "rf_reference" },
        { paymentId: first.paymentId, invoiceId: other.invoice.id, amountMinor: 1n, method: "rf_reference" },
      ]),
    );
    expect(outcome.applied).toHaveLength(2);
    expect(outcome.skipped.map((skip) => skip.reason)).toEqual(["currency_mismatch", "amount_exceeds_unapplied"]);

    const state = await reload(invoice.id);
    expect(state.invoice.status).toBe("paid");
    expect(state.invoice.paidMinor).toBe(100_000n);
    expect(state.instalments.map((row) => [row.status, row.paidMinor])).toEqual([
      ["paid", 30_000n],
      ["paid", 70_000n],
    ]);
    // The same fees as one by one: 180 + 60 on the first payment's parts, 360 on the second's (its credit: none).
    expect(await accountBalance(org(organizationId, "available"))).toBe(100_000n - 600n);
    expect(await accountBalance(org(organizationId, "buyer_credit"))).toBe(5_000n);
    expect(await accountBalance(org(organizationId, "unapplied"))).toBe(0n);
    const [paid] = await db().select().from(incomingPayments).where(eq(incomingPayments.id, second.paymentId));
    expect(paid).toMatchObject({ unappliedMinor: 0n, matchStatus: "matched", buyerId: buyer.id });
    const rows = await db().select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, second.paymentId));
    expect(rows.every((row) => row.entryId !== null)).toBe(true);

    // Unmatching a batch allocation works as for any other.
    const toInvoice = rows.find((row) => row.target === "invoice")!;
    await inTransaction((tx) => reverseAllocation(tx, { allocationId: toInvoice.id, organizationId, userId: null }));
    expect((await reload(invoice.id)).invoice.status).toBe("partially_paid");
    expect((await inTransaction((tx) => checkLedger(tx))).failures).toEqual([]);
  });

  it("card money for an invoice voided meanwhile is kept as the buyer's credit", async () => {
    const organizationId = await createOrganization();
    const { invoice, deposit } = await issuedInvoice(organizationId);
    await db().update(invoices).set({ status: "void" }).where(eq(invoices.id, invoice.id));
    await inTransaction((tx) =>
      recordCardCollection(tx, {
        organizationId,
        invoiceId: invoice.id,
        instalmentId: deposit.id,
        processor: "sandbox",
        processorPaymentId: `pi_${randomUUID()}`,
        currency: "USD",
        amountMinor: 30_000n,
        bookingDate: "2026-11-27",
      }),
    );
    const rows = await db().select().from(paymentAllocations).where(eq(paymentAllocations.buyerId, invoice.buyerId));
    expect(rows.map((row) => [row.target, row.amountMinor])).toEqual([["buyer_credit", 30_000n]]);
    expect((await reload(invoice.id)).invoice.paidMinor).toBe(0n);
  });
});
