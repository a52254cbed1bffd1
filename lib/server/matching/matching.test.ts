import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, incomingPayments, invoiceInstalments, invoices, journalEntries, paymentAllocations } from "@/db/schema";
import { formatRfReference } from "@/lib/domain/statements";
import { accountBalance, org, platform } from "@/tests/fixtures/ledger";
import { createApprovedTeam, createTestBuyer, createTestInvoice, NET_60_TERMS } from "@/tests/fixtures/invoices";
import { signedIn } from "@/tests/fixtures/people";
import { ensureCollectionAccounts } from "../collections/accounts";
import { recordBankReceipt } from "../collections/receipts";
import { executeAction } from "../guard/execute-action";
import { autoMatchPayments } from "./auto-match";
import { keepAsCreditAction, matchPaymentAction, settleWithBankChargesAction, unmatchAction } from "./match-actions";
import { paymentDetail, paymentSuggestions } from "./queries";
import { receiptFromStatement, sandboxStatementTransaction, simulateIncomingTransfer } from "./sandbox-transfer";
import { simulateTransferAction } from "./transfer-action";

// SAMPLE_LINES total 5,470.00: a 1,641.00 deposit due on issue and a 3,829.00 balance waiting on the B/L.
const TOTAL = 547_000n;
const DEPOSIT = 164_100n;
/** The standard schedule's 0.6 % collection fee, half-up, as each match charges it (the test buyers pay from GB). */
const fee = (grossMinor: bigint) => (grossMinor * 60n + 5_000n) / 10_000n;

async function scenario(options: { currency?: string; buyerName?: string } = {}) {
  const team = await createApprovedTeam();
  await db().transaction((tx) => ensureCollectionAccounts(tx, team.organization.id));
  const buyer = await createTestBuyer(team.organization.id, team.owner.id, { name: options.buyerName, currency: options.currency });
  const { invoice } = await createTestInvoice(team.organization.id, team.owner.id, buyer.id, { currency: options.currency });
  return { team, buyer, invoice, organizationId: team.organization.id };
}

function transfer(organizationId: string, amountMinor: bigint, remittanceText: string | null, extra: { currency?: string; payerName?: string; chargesMinor?: bigint } = {}) {
  return db().transaction((tx) =>
    simulateIncomingTransfer(tx, { organizationId, currency: extra.currency ?? "USD", amountMinor, remittanceText, payerName: extra.payerName ?? "Brightside Hardware Ltd", chargesMinor: extra.chargesMinor }),
  );
}

async function invoiceNow(invoiceId: string) {
  const [invoice] = await db().select().from(invoices).where(eq(invoices.id, invoiceId));
  const instalments = await db().select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoiceId)).orderBy(invoiceInstalments.position);
  return { ...invoice!, instalments };
}

async function paymentNow(paymentId: string) {
  const [payment] = await db().select().from(incomingPayments).where(eq(incomingPayments.id, paymentId));
  return payment!;
}

describe("automatic matching", () => {
  it("applies a transfer quoting the RF reference to its invoice: partly, then in full, unapplied → available", async () => {
    const { invoice, organizationId } = await scenario();
    const first = await transfer(organizationId, DEPOSIT, `Deposit ${formatRfReference(invoice.rfReference!)}`);
    expect(first.outcome?.decision).toMatchObject({ kind: "apply", method: "rf_reference", outcome: "partial" });
    let state = await invoiceNow(invoice.id);
    expect(state).toMatchObject({ status: "partially_paid", paidMinor: DEPOSIT });
    expect(state.instalments.map((i) => i.status)).toEqual(["paid", "open"]);
    expect(await accountBalance(org(organizationId, "available"))).toBe(DEPOSIT - 985n);
    expect(fee(DEPOSIT)).toBe(985n);
    expect(await accountBalance(org(organizationId, "unapplied"))).toBe(0n);

    await transfer(organizationId, TOTAL - DEPOSIT, invoice.rfReference);
    state = await invoiceNow(invoice.id);
    expect(state).toMatchObject({ status: "paid", paidMinor: TOTAL });
    expect(await accountBalance(org(organizationId, "available"))).toBe(TOTAL - fee(DEPOSIT) - fee(TOTAL - DEPOSIT));
    expect(await accountBalance(platform("fee_revenue"))).toBeGreaterThanOrEqual(fee(DEPOSIT) + fee(TOTAL - DEPOSIT));
    const allocations = await db().select().from(paymentAllocations).where(eq(paymentAllocations.invoiceId, invoice.id));
    expect(new Set(allocations.map((a) => a.method))).toEqual(new Set(["rf_reference"]));
  });

  it("finds an invoice number in the text however it is spelled", async () => {
    const { invoice, organizationId } = await scenario();
    const spelled = invoice.number!.replace(/-/g, " ").toLowerCase();
    const { paymentId, outcome } = await transfer(organizationId, 100_000n, `payment for ${spelled}, thanks`);
    expect(outcome?.decision).toMatchObject({ kind: "apply", method: "invoice_number" });
    expect(await paymentNow(paymentId)).toMatchObject({ matchStatus: "matched", unappliedMinor: 0n });
    expect((await invoiceNow(invoice.id)).paidMinor).toBe(100_000n);
  });

  it("never applies a mere suggestion: the payment waits in the queue with the invoice suggested", async () => {
    const { invoice, organizationId } = await scenario({ buyerName: "Harbourside Building Supplies Ltd" });
    const { paymentId, outcome } = await transfer(organizationId, DEPOSIT, "March order", { payerName: "HARBOURSIDE BUILDING SUPPLIES" });
    expect(outcome).toBeNull();
    expect(await paymentNow(paymentId)).toMatchObject({ matchStatus: "unmatched", unappliedMinor: DEPOSIT });
    expect((await invoiceNow(invoice.id)).paidMinor).toBe(0n);
    const detail = await paymentDetail(organizationId, paymentId);
    const [best] = await paymentSuggestions(detail!);
    expect(best).toMatchObject({ invoiceId: invoice.id, amountMinor: DEPOSIT });
    expect(best!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["amount_equals_instalment", "name_similar"]));
  });

  it("keeps an overpayment beyond the invoice as the buyer's credit", async () => {
    const { invoice, buyer, organizationId } = await scenario();
    const { paymentId } = await transfer(organizationId, TOTAL + 5_000n, invoice.rfReference);
    expect((await invoiceNow(invoice.id)).status).toBe("paid");
    expect(await accountBalance(org(organizationId, "buyer_credit"))).toBe(5_000n);
    const credit = await db().select().from(paymentAllocations).where(and(eq(paymentAllocations.paymentId, paymentId), eq(paymentAllocations.target, "buyer_credit")));
    expect(credit).toMatchObject([{ buyerId: buyer.id, amountMinor: 5_000n }]);
  });

  it("holds a payment in another currency than its invoice's for a person, applying nothing", async () => {
    const { invoice, organizationId } = await scenario();
    const { paymentId, outcome } = await transfer(organizationId, 150_000n, invoice.rfReference, { currency: "EUR" });
    expect(outcome?.decision).toMatchObject({ kind: "review", reason: "currency_mismatch", invoiceIds: [invoice.id] });
    expect(await paymentNow(paymentId)).toMatchObject({ matchStatus: "unmatched", unappliedMinor: 150_000n });
    expect(await accountBalance(org(organizationId, "unapplied", "EUR"))).toBe(150_000n);
    const [first] = await paymentSuggestions((await paymentDetail(organizationId, paymentId))!);
    expect(first).toMatchObject({ invoiceId: invoice.id, currencyDiffers: true });
  });

  it("matches a batch in bulk, judging two payments to one invoice as they happen", async () => {
    const { invoice, team, organizationId } = await scenario();
    const other = await createTestInvoice(organizationId, team.owner.id, invoice.buyerId, { terms: NET_60_TERMS });
    const ids = await db().transaction(async (tx) => {
      const made: string[] = [];
      for (const [amount, text] of [
        [TOTAL - 1_000n, invoice.rfReference!],
        [3_000n, invoice.number!],
        [TOTAL, other.invoice.number!.replace(/-/g, "")],
        [777n, "no reference at all"],
      ] as const) {
        const { paymentId } = await recordBankReceipt(tx, {
          organizationId,
          source: "bank_transfer",
          accountIdentifier: "TEST-ACCOUNT",
          bankRef: crypto.randomUUID(),
          currency: "USD",
          amountMinor: amount,
          bookingDate: "2026-11-20",
          valueDate: "2026-11-20",
          remittanceText: text,
        });
        made.push(paymentId);
      }
      const summary = await autoMatchPayments(tx, organizationId, made);
      expect(summary.matchedCount).toBe(3);
      return made;
    });
    expect((await invoiceNow(invoice.id)).status).toBe("paid");
    expect((await invoiceNow(other.invoice.id)).status).toBe("paid");
    expect(await accountBalance(org(organizationId, "buyer_credit"))).toBe(2_000n);
    expect((await paymentNow(ids[3]!)).matchStatus).toBe("unmatched");
  });

  it("stores a sandbox transfer exactly as a statement line of the same transfer", async () => {
    const { invoice, organizationId } = await scenario();
    const [account] = await db().transaction((tx) => ensureCollectionAccounts(tx, organizationId)).then((all) => all.filter((a) => a.currency === "USD"));
    const sandbox = await transfer(organizationId, 50_000n, `Invoice ${invoice.number} ${invoice.rfReference}`);
    const line = sandboxStatementTransaction(account!.accountIdentifier, { organizationId, currency: "USD", amountMinor: 50_000n, payerName: "Brightside Hardware Ltd", remittanceText: `Invoice ${invoice.number} ${invoice.rfReference}` }, "2026-11-20");
    const statementPaymentId = await db().transaction(async (tx) => {
      const { paymentId } = await recordBankReceipt(tx, receiptFromStatement(line, { organizationId, collectionAccountId: account!.id, source: "bank_transfer" }));
      await autoMatchPayments(tx, organizationId, [paymentId]);
      return paymentId;
    });
    const pick = (p: typeof incomingPayments.$inferSelect) => ({ reference: p.reference, remittanceText: p.remittanceText, payerName: p.payerName, matchStatus: p.matchStatus, accountIdentifier: p.accountIdentifier, amountMinor: p.amountMinor, collectionAccountId: p.collectionAccountId });
    expect(pick(await paymentNow(sandbox.paymentId))).toEqual(pick(await paymentNow(statementPaymentId)));
    const entryTypes = async (paymentId: string) => {
      const rows = await db().select({ entryId: paymentAllocations.entryId, method: paymentAllocations.method }).from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId));
      const types = await Promise.all(rows.map(async (row) => (await db().select({ type: journalEntries.type }).from(journalEntries).where(eq(journalEntries.id, row.entryId!)))[0]!.type));
      return { methods: rows.map((r) => r.method), types };
    };
    expect(await entryTypes(sandbox.paymentId)).toEqual(await entryTypes(statementPaymentId));
    expect((await paymentNow(sandbox.paymentId)).reference).toBe(invoice.rfReference);
  });
});

describe("matching by hand", () => {
  it("matches a payment to an invoice with the rest as credit, and unmatching restores everything", async () => {
    const { invoice, buyer, team, organizationId } = await scenario();
    const { paymentId } = await transfer(organizationId, 200_000n, null);
    const finance = await signedIn(team.finance);
    const matched = await executeAction(
      matchPaymentAction,
      { org: team.organization.slug, paymentId, allocations: [{ invoiceId: invoice.id, amount: "1,641.00" }], remainderToCredit: true },
      finance,
    );
    expect(matched).toMatchObject({ ok: true });
    expect((await invoiceNow(invoice.id)).instalments[0]!.status).toBe("paid");
    expect(await accountBalance(org(organizationId, "buyer_credit"))).toBe(200_000n - DEPOSIT);
    expect(await paymentNow(paymentId)).toMatchObject({ matchStatus: "matched", unappliedMinor: 0n, buyerId: buyer.id });

    const live = await db().select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId));
    for (const allocation of live) {
      expect(await executeAction(unmatchAction, { org: team.organization.slug, allocationId: allocation.id }, finance)).toMatchObject({ ok: true });
    }
    expect(await executeAction(unmatchAction, { org: team.organization.slug, allocationId: live[0]!.id }, finance)).toMatchObject({ ok: false, code: "already_reversed" });
    expect(await paymentNow(paymentId)).toMatchObject({ matchStatus: "unmatched", unappliedMinor: 200_000n, buyerId: null });
    expect(await invoiceNow(invoice.id)).toMatchObject({ status: "open", paidMinor: 0n });
    expect(await accountBalance(org(organizationId, "unapplied"))).toBe(200_000n);
    expect(await accountBalance(org(organizationId, "available"))).toBe(0n);
    expect(await accountBalance(org(organizationId, "buyer_credit"))).toBe(0n);
    const audits = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, organizationId));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["matching.match", "matching.unmatch"]));
  });

  it("matches across currencies only with the settled invoice amount, flagged", async () => {
    const { invoice, team, organizationId } = await scenario();
    const { paymentId } = await transfer(organizationId, 150_000n, invoice.rfReference, { currency: "EUR" });
    const finance = await signedIn(team.finance);
    const input = { org: team.organization.slug, paymentId, allocations: [{ invoiceId: invoice.id, amount: "1500.00" }] };
    expect(await executeAction(matchPaymentAction, input, finance)).toMatchObject({ ok: false, code: "invoice_amount_required" });
    expect(await executeAction(matchPaymentAction, { ...input, allocations: [{ ...input.allocations[0], invoiceAmount: "1641.00" }] }, finance)).toMatchObject({ ok: true });
    const [allocation] = await db().select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId));
    expect(allocation).toMatchObject({ currencyMismatch: true, amountMinor: 150_000n, invoiceAmountMinor: DEPOSIT });
    expect(allocation!.feeMinor).toBe(900n); // charged on the money received, in its currency
    expect(await accountBalance(org(organizationId, "available", "EUR"))).toBe(150_000n - 900n);
  });

  it("settles a deposit paid short by bank charges when a person accepts the offer", async () => {
    const { invoice, team, organizationId } = await scenario();
    const { paymentId, outcome } = await transfer(organizationId, DEPOSIT - 2_500n, invoice.rfReference, { chargesMinor: 2_500n });
    expect(outcome?.decision).toMatchObject({ kind: "apply", bankChargesOffer: { shortfallMinor: 2_500n } });
    const result = await executeAction(settleWithBankChargesAction, { org: team.organization.slug, paymentId, invoiceId: invoice.id }, await signedIn(team.finance));
    expect(result).toMatchObject({ ok: true, data: { bankChargesMinor: "2500" } });
    const state = await invoiceNow(invoice.id);
    expect(state.instalments[0]!.status).toBe("paid");
    // The first match's fee went back with its reversal; the second charged on the money received, not the charges.
    expect(await accountBalance(org(organizationId, "available"))).toBe(DEPOSIT - 2_500n - fee(DEPOSIT - 2_500n));
  });

  it("never over-allocates a payment matched twice at once", async () => {
    const { invoice, team, organizationId } = await scenario();
    const { paymentId } = await transfer(organizationId, 100_000n, null);
    const input = { org: team.organization.slug, paymentId, allocations: [{ invoiceId: invoice.id, amount: "800.00" }] };
    const results = await Promise.all([executeAction(matchPaymentAction, input, await signedIn(team.finance)), executeAction(matchPaymentAction, input, await signedIn(team.owner))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "amount_exceeds_unapplied" });
    expect(await paymentNow(paymentId)).toMatchObject({ unappliedMinor: 20_000n });
    expect(await accountBalance(org(organizationId, "available"))).toBe(80_000n - 480n);
  });

  it("refuses another organization, viewers and bad input, writing nothing", async () => {
    const { invoice, team, buyer, organizationId } = await scenario();
    const stranger = await scenario();
    const { paymentId } = await transfer(organizationId, 100_000n, null);
    const base = { org: team.organization.slug, paymentId, allocations: [{ invoiceId: invoice.id, amount: "100.00" }] };
    expect(await executeAction(matchPaymentAction, base, await signedIn(stranger.team.finance))).toMatchObject({ ok: false, code: "not_found" });
    // Their own organization, our payment: not found either.
    expect(await executeAction(matchPaymentAction, { ...base, org: stranger.team.organization.slug }, await signedIn(stranger.team.finance))).toMatchObject({
      ok: false,
      code: "payment_not_found",
    });
    expect(await paymentDetail(stranger.organizationId, paymentId)).toBeNull();
    expect(await executeAction(matchPaymentAction, base, await signedIn(team.viewer))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(keepAsCreditAction, { org: team.organization.slug, paymentId, buyerId: buyer.id, amount: "1" }, await signedIn(team.viewer))).toMatchObject({ ok: false });
    expect(await executeAction(simulateTransferAction, { org: team.organization.slug, currency: "USD", amount: "5" }, await signedIn(team.viewer))).toMatchObject({ ok: false, code: "forbidden" });
    const finance = await signedIn(team.finance);
    for (const allocations of [
      [{ invoiceId: invoice.id, amount: "abc" }],
      [{ invoiceId: invoice.id, amount: "0" }],
      [{ invoiceId: invoice.id, amount: "1000.01" }],
      [{ invoiceId: stranger.invoice.id, amount: "10" }],
      [{ invoiceId: invoice.id, amount: "10.001" }],
    ]) {
      expect(await executeAction(matchPaymentAction, { ...base, allocations }, finance)).toMatchObject({ ok: false });
    }
    expect(await executeAction(simulateTransferAction, { org: team.organization.slug, currency: "XYZ", amount: "5" }, finance)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await paymentNow(paymentId)).toMatchObject({ unappliedMinor: 100_000n, matchStatus: "unmatched" });
    expect(await db().select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId))).toEqual([]);
  });
});
