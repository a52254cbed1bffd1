import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, type Transaction } from "@/db/client";
import { buyers, collectionVolumes, feeCharges, incomingPayments, invoiceInstalments, invoices, journalEntries, journalLines, kybApplications, ledgerAccounts, paymentAllocations } from "@/db/schema";
import { invoiceRfReference } from "@/lib/domain/invoices/rf";
import { checkLedger } from "@/lib/server/ledger/verify";
import { accountBalance, createOrganization, org } from "@/tests/fixtures/ledger";
import { chinaMonth } from "../fees/collection-volumes";
import { autoMatchPayments } from "../matching/auto-match";
import { allocateBatch } from "./allocate-batch";
import { allocateToBuyerCredit, allocateToInvoice, reverseAllocation } from "./allocations";
import { recordBankReceipt } from "./receipts";

const inTransaction = <T>(work: (tx: Transaction) => Promise<T>) => db().transaction(work);
let sequence = 0;

/** An issued invoice of `totalMinor`: 30 % deposit and 70 % balance, to a buyer in `country`. */
async function issuedInvoice(organizationId: string, options: { currency?: string; country?: string; totalMinor?: bigint } = {}) {
  const currency = options.currency ?? "USD";
  const total = options.totalMinor ?? 100_000n;
  const [buyer] = await db()
    .insert(buyers)
    .values({ organizationId, name: `Buyer ${randomUUID()}`, country: options.country ?? "GB", defaultCurrency: currency, defaultTerms: { kind: "single", days: 60 } })
    .returning();
  sequence += 1;
  const [invoice] = await db()
    .insert(invoices)
    .values({
      organizationId,
      buyerId: buyer!.id,
      number: `INV-2026-F${String(sequence).padStart(5, "0")}${randomUUID().slice(0, 4)}`,
      rfReference: invoiceRfReference(organizationId, 2026, sequence),
      payToken: randomUUID(),
      currency,
      status: "open",
      issueDate: "2026-10-01",
      terms: { kind: "deposit_balance" },
      subtotalMinor: total,
      totalMinor: total,
    })
    .returning();
  const deposit = (total * 3n) / 10n;
  await db()
    .insert(invoiceInstalments)
    .values([
      { invoiceId: invoice!.id, organizationId, position: 1, label: "deposit", shareBps: 3000, amountMinor: deposit, dueRule: { anchor: "issue", days: 31 }, dueDate: "2026-11-01" },
      { invoiceId: invoice!.id, organizationId, position: 2, label: "balance", shareBps: 7000, amountMinor: total - deposit, dueRule: { anchor: "issue", days: 60 }, dueDate: "2026-11-30" },
    ]);
  return invoice!;
}

function receive(organizationId: string, amountMinor: bigint, currency = "USD", reference: string | null = null) {
  return inTransaction((tx) =>
    recordBankReceipt(tx, {
      organizationId,
      source: "bank_transfer",
      accountIdentifier: "GB33BUKB20201555555555",
      bankRef: randomUUID(),
      currency,
      amountMinor,
      bookingDate: "2026-11-20",
      valueDate: "2026-11-20",
      reference,
    }),
  );
}

async function approveKyb(organizationId: string, riskLevel: "standard" | "high") {
  await db().insert(kybApplications).values({ organizationId, status: "approved", riskLevel, approvedTier: "standard" });
}

async function allocationsOf(paymentId: string) {
  return db().select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId)).orderBy(paymentAllocations.amountMinor);
}

async function chargesOf(entryIds: string[]) {
  return db().select().from(feeCharges).where(inArray(feeCharges.entryId, entryIds));
}

async function entryLines(entryId: string) {
  const rows = await db()
    .select({ kind: ledgerAccounts.kind, amountMinor: journalLines.amountMinor })
    .from(journalLines)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
    .where(eq(journalLines.entryId, entryId));
  return Object.fromEntries(rows.map((row) => [row.kind, row.amountMinor]));
}

async function volume(organizationId: string): Promise<bigint> {
  const [row] = await db()
    .select({ volume: collectionVolumes.volumeCnyMinor })
    .from(collectionVolumes)
    .where(and(eq(collectionVolumes.organizationId, organizationId), eq(collectionVolumes.month, chinaMonth(new Date()))));
  return row?.volume ?? 0n;
}

describe("collection fees", () => {
  it("charges each part of a match as its own ledger line and fee charge; unmatching gives both back", async () => {
    const organizationId = await createOrganization();
    const invoice = await issuedInvoice(organizationId);
    const { paymentId } = await receive(organizationId, 100_000n);
    await inTransaction((tx) => allocateToInvoice(tx, { paymentId, invoiceId: invoice.id, amountMinor: 100_000n, method: "manual" }));

    const [deposit, balance] = await allocationsOf(paymentId);
    expect([deposit!.feeMinor, balance!.feeMinor]).toEqual([180n, 420n]);
    expect(await entryLines(balance!.entryId!)).toEqual({ unapplied: -70_000n, available: 69_580n, fee_revenue: 420n });
    const charges = await chargesOf([deposit!.entryId!, balance!.entryId!]);
    expect(charges.map((charge) => [charge.type, charge.basisMinor, charge.rate, charge.amountMinor, charge.organizationId]).sort()).toEqual([
      ["collection", 30_000n, "0.006", 180n, organizationId],
      ["collection", 70_000n, "0.006", 420n, organizationId],
    ]);
    expect(await accountBalance(org(organizationId, "available"))).toBe(99_400n);

    await inTransaction((tx) => reverseAllocation(tx, { allocationId: balance!.id, organizationId, userId: null }));
    const [reversed] = await db().select().from(paymentAllocations).where(eq(paymentAllocations.id, balance!.id));
    expect(await entryLines(reversed!.reversalEntryId!)).toEqual({ unapplied: 70_000n, available: -69_580n, fee_revenue: -420n });
    const after = await chargesOf([deposit!.entryId!, balance!.entryId!]);
    expect(after.find((charge) => charge.entryId === balance!.entryId)!.reversedAt).not.toBeNull();
    expect(after.find((charge) => charge.entryId === deposit!.entryId)!.reversedAt).toBeNull();
    expect(await accountBalance(org(organizationId, "available"))).toBe(29_820n);
    expect(await accountBalance(org(organizationId, "unapplied"))).toBe(70_000n);
    expect((await inTransaction((tx) => checkLedger(tx))).failures).toEqual([]);
  });

  it("charges nothing on money kept as a buyer's credit", async () => {
    const organizationId = await createOrganization();
    const invoice = await issuedInvoice(organizationId);
    const { paymentId } = await receive(organizationId, 110_000n);
    await inTransaction((tx) => allocateToInvoice(tx, { paymentId, invoiceId: invoice.id, amountMinor: 105_000n, method: "manual" }));
    await inTransaction((tx) => allocateToBuyerCredit(tx, { paymentId, buyerId: invoice.buyerId, amountMinor: 5_000n }));
    const credits = (await allocationsOf(paymentId)).filter((allocation) => allocation.target === "buyer_credit");
    expect(credits.map((credit) => [credit.amountMinor, credit.feeMinor])).toEqual([
      [5_000n, null],
      [5_000n, null],
    ]);
    expect(await chargesOf(credits.map((credit) => credit.entryId!))).toEqual([]);
    expect(await accountBalance(org(organizationId, "buyer_credit"))).toBe(10_000n);
    expect(await accountBalance(org(organizationId, "available"))).toBe(100_000n - 600n);
  });

  it("adds the risk surcharge for an organization KYB assessed high risk, and for a payer in a high-risk country", async () => {
    const risky = await createOrganization();
    await approveKyb(risky, "high");
    const invoice = await issuedInvoice(risky, { country: "DE" });
    const { paymentId } = await receive(risky, 100_000n);
    await inTransaction((tx) => allocateToInvoice(tx, { paymentId, invoiceId: invoice.id, amountMinor: 100_000n, method: "manual" }));
    const allocations = await allocationsOf(paymentId);
    const charges = await chargesOf(allocations.map((allocation) => allocation.entryId!));
    expect(charges.filter((charge) => charge.type === "risk_surcharge").map((charge) => [charge.rate, charge.amountMinor]).sort()).toEqual([
      ["0.0018", 126n], // 30 % of the base rate on 70,000
      ["0.0018", 54n],
    ]);
    expect(await accountBalance(org(risky, "available"))).toBe(100_000n - 600n - 180n);

    const standard = await createOrganization();
    await approveKyb(standard, "standard");
    const fromIran = await issuedInvoice(standard, { country: "IR", totalMinor: 10_000n });
    const iranian = await receive(standard, 3_000n);
    await inTransaction((tx) => allocateToInvoice(tx, { paymentId: iranian.paymentId, invoiceId: fromIran.id, amountMinor: 3_000n, method: "manual" }));
    const [part] = await allocationsOf(iranian.paymentId);
    expect((await chargesOf([part!.entryId!])).map((charge) => [charge.type, charge.amountMinor]).sort()).toEqual([
      ["collection", 18n],
      ["risk_surcharge", 9n], // 50 % of the base for the payer's country
    ]);
  });

  it("prices at the tier the month's volume reached, counts each collection, and unmatching takes it off again", async () => {
    const organizationId = await createOrganization();
    const threshold = 100_000_000n; // CNY 1,000,000.00, from which collections cost 0.5 %
    await db().insert(collectionVolumes).values({ organizationId, month: chinaMonth(new Date()), volumeCnyMinor: threshold - 1n });
    const invoice = await issuedInvoice(organizationId, { currency: "CNY", totalMinor: 10_000_000n });
    const first = await receive(organizationId, 3_000_000n, "CNY");
    await inTransaction((tx) => allocateToInvoice(tx, { paymentId: first.paymentId, invoiceId: invoice.id, amountMinor: 3_000_000n, method: "manual" }));
    const [firstPart] = await allocationsOf(first.paymentId);
    expect(firstPart).toMatchObject({ feeMinor: 18_000n, volumeCnyMinor: 3_000_000n }); // below the tier: 0.6 %
    expect(await volume(organizationId)).toBe(threshold - 1n + 3_000_000n);

    const second = await receive(organizationId, 1_000_000n, "CNY");
    await inTransaction((tx) => allocateToInvoice(tx, { paymentId: second.paymentId, invoiceId: invoice.id, amountMinor: 1_000_000n, method: "manual" }));
    const [secondPart] = await allocationsOf(second.paymentId);
    expect(secondPart!.feeMinor).toBe(5_000n); // the tier is reached: 0.5 %

    await inTransaction((tx) => reverseAllocation(tx, { allocationId: firstPart!.id, organizationId, userId: null }));
    expect(await volume(organizationId)).toBe(threshold - 1n + 1_000_000n);
    await inTransaction((tx) => allocateToInvoice(tx, { paymentId: first.paymentId, invoiceId: invoice.id, amountMinor: 1_000_000n, method: "manual" }));
    const again = (await allocationsOf(first.paymentId)).find((allocation) => !allocation.reversedAt)!;
    expect(again.feeMinor).toBe(5_000n);
  });

  it("prices a batch's collections one after another, as one by one would", async () => {
    const organizationId = await createOrganization();
    await db().insert(collectionVolumes).values({ organizationId, month: chinaMonth(new Date()), volumeCnyMinor: 99_000_000n });
    const invoice = await issuedInvoice(organizationId, { currency: "CNY", totalMinor: 10_000_000n });
    const payments = [await receive(organizationId, 2_000_000n, "CNY"), await receive(organizationId, 1_000_000n, "CNY")];
    const outcome = await inTransaction((tx) =>
      allocateBatch(
        tx,
        organizationId,
        payments.map(({ paymentId }, index) => ({ paymentId, invoiceId: invoice.id, amountMinor: index === 0 ? 2_000_000n : 1_000_000n, method: "rf_reference" as const })),
      ),
    );
    expect(outcome.applied).toHaveLength(2);
    const [first] = await allocationsOf(payments[0]!.paymentId);
    const [second] = await allocationsOf(payments[1]!.paymentId);
    expect([first!.feeMinor, second!.feeMinor]).toEqual([12_000n, 5_000n]);
    expect((await chargesOf([first!.entryId!, second!.entryId!])).map((charge) => charge.amountMinor).sort()).toEqual([12_000n, 5_000n]);
    expect(await entryLines(second!.entryId!)).toEqual({ unapplied: -1_000_000n, available: 995_000n, fee_revenue: 5_000n });
    expect(await volume(organizationId)).toBe(102_000_000n);
    expect((await inTransaction((tx) => checkLedger(tx))).failures).toEqual([]);
  });

  it("posts one match and one fee when the same payment is matched automatically twice at once", async () => {
    const organizationId = await createOrganization();
    const invoice = await issuedInvoice(organizationId);
    const { paymentId } = await receive(organizationId, 30_000n, "USD", invoice.rfReference);
    const summaries = await Promise.all([1, 2, 3].map(() => inTransaction((tx) => autoMatchPayments(tx, organizationId, [paymentId]))));
    expect(summaries.reduce((sum, summary) => sum + summary.matchedCount, 0)).toBe(1);
    const allocations = await allocationsOf(paymentId);
    expect(allocations).toHaveLength(1);
    expect(await chargesOf([allocations[0]!.entryId!])).toHaveLength(1);
    const matches = await db().select().from(journalEntries).where(and(eq(journalEntries.organizationId, organizationId), eq(journalEntries.type, "collection_match")));
    expect(matches).toHaveLength(1);
    expect(await accountBalance(org(organizationId, "available"))).toBe(30_000n - 180n);
    const [payment] = await db().select().from(incomingPayments).where(eq(incomingPayments.id, paymentId));
    expect(payment!.matchStatus).toBe("matched");
    expect((await inTransaction((tx) => checkLedger(tx))).failures).toEqual([]);
  });
});
