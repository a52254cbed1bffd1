import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, buyerRefunds, journalEntries, journalLines, ledgerAccounts, paymentAllocations } from "@/db/schema";
import { createApprovedTeam, createTestBuyer } from "@/tests/fixtures/invoices";
import { accountBalance, org } from "@/tests/fixtures/ledger";
import { addMember, createTeam, createUser, signedIn } from "@/tests/fixtures/people";
import { allocateToBuyerCredit, reverseAllocation } from "../collections/allocations";
import { recordBankReceipt } from "../collections/receipts";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { verifyLedger } from "../ledger/verify";
import { buyerRefundableCredit, listBuyerRefunds } from "./queries";
import { refundBuyerCreditAction } from "./refund-buyer-credit";

/** A team with a USD buyer holding `creditMinor` of credit from a bank transfer, and the owner stepped up. */
async function teamWithCredit(creditMinor = 25_000n) {
  const team = await createApprovedTeam();
  const buyer = await createTestBuyer(team.organization.id, team.owner.id);
  await db().transaction(async (tx) => {
    const { paymentId } = await recordBankReceipt(tx, {
      organizationId: team.organization.id,
      source: "bank_transfer",
      accountIdentifier: "GB33BUKB20201555555555",
      bankRef: randomUUID(),
      currency: "USD",
      amountMinor: creditMinor,
      bookingDate: "2026-11-20",
      valueDate: "2026-11-20",
      payerName: "BRIGHTSIDE HARDWARE LTD",
    });
    await allocateToBuyerCredit(tx, { paymentId, buyerId: buyer.id, amountMinor: creditMinor, userId: team.finance.id });
  });
  return { ...team, org: team.organization.slug, buyer, ownerRequest: await signedIn(team.owner, { secondFactorAgoMs: 0 }) };
}

const refundInput = (org: string, buyerId: string, change: Record<string, unknown> = {}) => ({
  org,
  buyerId,
  currency: "USD",
  amount: "100.00",
  beneficiaryName: "Brightside Hardware Ltd",
  beneficiaryAccount: "GB82 WEST 1234 5698 7654 32",
  beneficiaryBank: "WESTGB2L",
  reference: "Refund of overpayment INV-2026-0042",
  ...change,
});

const refund = (request: RequestContext, input: Record<string, unknown>) => executeAction(refundBuyerCreditAction, input, request);

async function refundCount(organizationId: string): Promise<number> {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(buyerRefunds).where(eq(buyerRefunds.organizationId, organizationId));
  return row!.n;
}

async function refundEntryCount(organizationId: string): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(journalEntries)
    .where(and(eq(journalEntries.organizationId, organizationId), eq(journalEntries.type, "buyer_refund")));
  return row!.n;
}

const usdCredit = async (organizationId: string, buyerId: string) =>
  (await buyerRefundableCredit(organizationId, buyerId)).find((credit) => credit.currency === "USD")?.refundableMinor ?? 0n;

describe("refunding a buyer's credit", () => {
  it("posts buyer_credit → payout_clearing, records the refund and lowers the credit", async () => {
    const team = await teamWithCredit(25_000n);
    const result = await refund(team.ownerRequest, refundInput(team.org, team.buyer.id, { amount: "100.00" }));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const { refundId, entryId } = (result as { ok: true; data: { refundId: string; entryId: string } }).data;

    const [entry] = await db().select().from(journalEntries).where(eq(journalEntries.id, entryId));
    expect(entry).toMatchObject({ idempotencyKey: `buyer-refund:${refundId}`, type: "buyer_refund", organizationId: team.organization.id });
    const lines = await db()
      .select({ kind: ledgerAccounts.kind, organizationId: ledgerAccounts.organizationId, amountMinor: journalLines.amountMinor })
      .from(journalLines)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
      .where(eq(journalLines.entryId, entryId));
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        { kind: "buyer_credit", organizationId: team.organization.id, amountMinor: -10_000n },
        { kind: "payout_clearing", organizationId: null, amountMinor: 10_000n },
      ]),
    );
    expect(await accountBalance(org(team.organization.id, "buyer_credit"))).toBe(15_000n);
    expect(await usdCredit(team.organization.id, team.buyer.id)).toBe(15_000n);

    const [stored] = await listBuyerRefunds(team.organization.id, team.buyer.id);
    expect(stored).toMatchObject({ id: refundId, currency: "USD", amountMinor: 10_000n, beneficiaryAccount: "GB82WEST12345698765432", beneficiaryBank: "WESTGB2L", status: "sent", entryId });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.organizationId, team.organization.id), eq(auditLog.action, "refunds.refundBuyerCredit")));
    expect(audit).toMatchObject({ target: `buyer_refund:${refundId}`, actorUserId: team.owner.id });
    expect((await verifyLedger(db())).failures).toEqual([]);
  });

  it("refuses more than the credit and writes nothing", async () => {
    const team = await teamWithCredit(25_000n);
    const result = await refund(team.ownerRequest, refundInput(team.org, team.buyer.id, { amount: "250.01" }));
    expect(result).toMatchObject({ ok: false, code: "refund_exceeds_credit", message: "That is more than the buyer's credit: at most USD 250.00 can be refunded." });
    const other = await refund(team.ownerRequest, refundInput(team.org, team.buyer.id, { currency: "EUR" }));
    expect(other).toMatchObject({ ok: false, code: "refund_no_credit" });
    expect(await refundCount(team.organization.id)).toBe(0);
    expect(await refundEntryCount(team.organization.id)).toBe(0);
    expect(await accountBalance(org(team.organization.id, "buyer_credit"))).toBe(25_000n);
  });

  it("refunds the whole credit once when two requests ask for it at the same moment", async () => {
    const team = await teamWithCredit(25_000n);
    const second = await signedIn(team.owner, { secondFactorAgoMs: 0 });
    const input = refundInput(team.org, team.buyer.id, { amount: "250.00" });
    const results = await Promise.all([refund(team.ownerRequest, input), refund(second, input), refund(team.ownerRequest, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(["refund_no_credit", "refund_no_credit"]);
    expect(await refundCount(team.organization.id)).toBe(1);
    expect(await refundEntryCount(team.organization.id)).toBe(1);
    expect(await accountBalance(org(team.organization.id, "buyer_credit"))).toBe(0n);
    expect(await usdCredit(team.organization.id, team.buyer.id)).toBe(0n);
  });

  it("answers another organization's member as if the organization did not exist", async () => {
    const team = await teamWithCredit();
    const outsider = await createTeam();
    const request = await signedIn(outsider.owner, { secondFactorAgoMs: 0 });
    expect(await refund(request, refundInput(team.org, team.buyer.id))).toMatchObject({ ok: false, code: "not_found" });
    // Its own organization with the other's buyer: not found either.
    expect(await refund(request, refundInput(outsider.organization.slug, team.buyer.id))).toMatchObject({ ok: false, code: "refund_buyer_not_found" });
    expect(await refundCount(team.organization.id)).toBe(0);
  });

  it("refuses a viewer, and anyone without a fresh second factor", async () => {
    const team = await teamWithCredit();
    const viewer = await createUser({ totp: true });
    await addMember(team.organization.id, viewer.id, "viewer");
    expect(await refund(await signedIn(viewer, { secondFactorAgoMs: 0 }), refundInput(team.org, team.buyer.id))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await refund(await signedIn(team.owner), refundInput(team.org, team.buyer.id))).toMatchObject({ ok: false, code: "step_up_required" });
    expect(await refund(await signedIn(team.owner, { secondFactorAgoMs: 20 * 60_000 }), refundInput(team.org, team.buyer.id))).toMatchObject({ ok: false, code: "step_up_required" });
    // Finance without 2FA enrolled must enrol first.
    expect(await refund(await signedIn(team.finance), refundInput(team.org, team.buyer.id))).toMatchObject({ ok: false, code: "mfa_enrollment_required" });
    expect(await refundCount(team.organization.id)).toBe(0);
  });

  it("refuses a bad IBAN, BIC or amount under their fields and writes nothing", async () => {
    const team = await teamWithCredit();
    const badIban = await refund(team.ownerRequest, refundInput(team.org, team.buyer.id, { beneficiaryAccount: "GB82 WEST 1234 5698 7654 33" }));
    expect(badIban).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { beneficiaryAccount: ["The IBAN check digits do not match: please check the number."] } });
    const badBic = await refund(team.ownerRequest, refundInput(team.org, team.buyer.id, { beneficiaryBank: "1234WEST", beneficiaryName: "" }));
    expect(badBic).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { beneficiaryBank: [expect.stringContaining("BIC")], beneficiaryName: ["This field is required."] } });
    expect(await refund(team.ownerRequest, refundInput(team.org, team.buyer.id, { amount: "1.005" }))).toMatchObject({ ok: false, code: "amount_too_many_decimals" });
    expect(await refund(team.ownerRequest, refundInput(team.org, team.buyer.id, { amount: "0" }))).toMatchObject({ ok: false, code: "amount_zero_not_allowed" });
    expect(await refundCount(team.organization.id)).toBe(0);
    expect(await refundEntryCount(team.organization.id)).toBe(0);
  });

  it("takes an account number and a bank's name; a refund of the whole credit leaves none", async () => {
    const team = await teamWithCredit(40_000n);
    const result = await refund(
      team.ownerRequest,
      refundInput(team.org, team.buyer.id, { amount: "400", beneficiaryAccount: "000123-456789", beneficiaryBank: "JPMorgan Chase Bank, N.A.", reference: "" }),
    );
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const [stored] = await listBuyerRefunds(team.organization.id, team.buyer.id);
    expect(stored).toMatchObject({ beneficiaryAccount: "000123456789", beneficiaryBank: "JPMorgan Chase Bank, N.A.", reference: null, amountMinor: 40_000n });
    expect(await buyerRefundableCredit(team.organization.id, team.buyer.id)).toEqual([]);
  });

  it("a credit already refunded cannot be unmatched back into the queue", async () => {
    const team = await teamWithCredit(10_000n);
    expect(await refund(team.ownerRequest, refundInput(team.org, team.buyer.id, { amount: "60.00" }))).toMatchObject({ ok: true });
    const [allocation] = await db()
      .select({ id: paymentAllocations.id })
      .from(paymentAllocations)
      .where(and(eq(paymentAllocations.buyerId, team.buyer.id), eq(paymentAllocations.target, "buyer_credit")));
    await expect(
      db().transaction((tx) => reverseAllocation(tx, { allocationId: allocation!.id, organizationId: team.organization.id, userId: team.owner.id })),
    ).rejects.toMatchObject({ code: "credit_already_refunded" });
    expect(await usdCredit(team.organization.id, team.buyer.id)).toBe(4_000n);
  });
});
