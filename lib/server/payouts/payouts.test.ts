import { randomUUID } from "node:crypto";
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, feeCharges, fxRates, journalEntries, memberships, payouts } from "@/db/schema";
import { approvedTeam, type ApprovedTeamOptions } from "@/tests/fixtures/approved-team";
import { accountBalance, collect, org, platform } from "@/tests/fixtures/ledger";
import { addMember, createOrganization, createUser, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { verifyLedger } from "../ledger/verify";
import { settlementBankAccount } from "./bank-account";
import { createPayout } from "./create";
import { approvePayoutAction, cancelPayoutAction } from "./decide";
import { processPayouts } from "./process";
import { previewPayoutAction, requestPayoutAction } from "./request";
import { sandboxPayoutOutcomeAction } from "./sandbox-control";
import { updatePayoutSettingsAction } from "./settings";
import { payoutOutcome } from "@/scripts/ops/payout-outcome";

const MINUTE = 60_000;

/** approvedTeam with a second owner (2FA, stepped up just now) and `fundsMinor` of available CNY. */
async function payoutTeam(options: ApprovedTeamOptions & { fundsMinor?: bigint } = {}) {
  const team = await approvedTeam(options);
  const secondOwner = await createUser({ totp: true });
  await addMember(team.organization.id, secondOwner.id, "owner");
  if (options.fundsMinor !== 0n) await collect(team.organization.id, options.fundsMinor ?? 10_000_000n, 0n, "CNY");
  return { ...team, secondOwner, secondOwnerRequest: await signedIn(secondOwner, { secondFactorAgoMs: 0 }) };
}

const input = (slug: string, change: Record<string, unknown> = {}) => ({ org: slug, currency: "CNY", amount: "1000.00", speed: "standard", ...change });
const request = (who: RequestContext, values: Record<string, unknown>) => executeAction(requestPayoutAction, values, who);
const available = (organizationId: string, currency = "CNY") => accountBalance(org(organizationId, "available", currency));

async function requested(who: RequestContext, values: Record<string, unknown>) {
  const result = await request(who, values);
  if (!result.ok) throw new Error(`payout refused: ${result.code}`);
  return result.data;
}

async function payoutRow(id: string) {
  const [row] = await db().select().from(payouts).where(eq(payouts.id, id));
  return row!;
}

async function payoutCount(organizationId: string): Promise<number> {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(payouts).where(eq(payouts.organizationId, organizationId));
  return row!.n;
}

async function payoutEntryCount(organizationId: string): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(journalEntries)
    .where(and(eq(journalEntries.organizationId, organizationId), eq(journalEntries.type, "payout")));
  return row!.n;
}


// Other files' tests read the newest rates of the shared test database: leave none of ours behind.
afterAll(() => db().delete(fxRates).where(like(fxRates.source, "payouts-test-%")));
describe("settlement bank account", () => {
  it("is the approved application's account: CNY always, foreign currencies only with a foreign-currency account", async () => {
    const withForeign = await payoutTeam({ fundsMinor: 0n });
    const account = await settlementBankAccount(db(), withForeign.organization.id);
    expect(account).toMatchObject({ bankName: "中国银行", accountNumber: "3581200012345678", cnaps: "104332004012", swiftBic: "BKCHCNBJ92A", iban: null, tier: "premium" });
    expect(account!.currencies).toContain("CNY");
    expect(account!.currencies).toContain("USD");

    const cnyOnly = await payoutTeam({ fundsMinor: 0n, foreignCurrency: false });
    expect((await settlementBankAccount(db(), cnyOnly.organization.id))!.currencies).toEqual(["CNY"]);
    expect(await settlementBankAccount(db(), (await createOrganization()).id)).toBeNull();
  });
});

describe("requesting a payout", () => {
  it("shows every fee and the net before confirming, and writes nothing; viewers and other organizations are refused", async () => {
    const team = await payoutTeam();
    const preview = await executeAction(previewPayoutAction, input(team.slug, { amount: "10,000.00", speed: "expedited" }), team.financeRequest);
    expect(preview).toEqual({
      ok: true,
      data: expect.objectContaining({
        currency: "CNY",
        amountMinor: "1000000",
        lines: [
          { type: "payout", rate: null, basisMinor: null, amountMinor: "500" },
          { type: "expedited_payout", rate: "0.01", basisMinor: "1000000", amountMinor: "10000" },
        ],
        feeMinor: "10500",
        netMinor: "989500",
        approvalRequired: false,
      }),
    });
    expect(await payoutCount(team.organization.id)).toBe(0);
    expect(await executeAction(previewPayoutAction, input(team.slug), team.viewerRequest)).toMatchObject({ ok: false, code: "forbidden" });
    const other = await payoutTeam({ fundsMinor: 0n });
    expect(await executeAction(previewPayoutAction, input(team.slug), other.ownerRequest)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("posts one entry with each fee as its own line, records the fees and, below the threshold, approves it at once", async () => {
    const team = await payoutTeam();
    const feeRevenueBefore = await accountBalance(platform("fee_revenue", "CNY"));
    const clearingBefore = await accountBalance(platform("payout_clearing", "CNY"));
    const { payoutId, status } = await requested(team.financeRequest, input(team.slug, { amount: "10000.00", speed: "expedited" }));
    expect(status).toBe("approved");
    const payout = await payoutRow(payoutId);
    expect(payout).toMatchObject({ amountMinor: 1_000_000n, feeMinor: 10_500n, netMinor: 989_500n, speed: "expedited", origin: "on_demand", requestedBy: team.finance.id, approvalRequired: false });
    expect(payout.beneficiary).toMatchObject({ accountNumber: "3581200012345678", cnaps: "104332004012" });
    expect(await available(team.organization.id)).toBe(10_000_000n - 1_000_000n);
    expect((await accountBalance(platform("fee_revenue", "CNY"))) - feeRevenueBefore).toBe(10_500n);
    expect((await accountBalance(platform("payout_clearing", "CNY"))) - clearingBefore).toBe(989_500n);
    const [entry] = await db().select().from(journalEntries).where(eq(journalEntries.id, payout.entryId));
    expect(entry!.idempotencyKey).toBe(`payout:${payoutId}`);
    const fees = await db().select().from(feeCharges).where(eq(feeCharges.entryId, payout.entryId));
    expect(fees.map((fee) => [fee.type, fee.amountMinor]).sort()).toEqual([["expedited_payout", 10_000n], ["payout", 500n]]);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.target, `payout:${payoutId}`));
    expect(audit!.action).toBe("payouts.request");
    expect((await verifyLedger(db())).failures).toEqual([]);
  });

  it("refuses bad input, an amount the fees would eat, no bank account, a currency the account does not take, more than available — writing nothing", async () => {
    const team = await payoutTeam({ fundsMinor: 100_000n, foreignCurrency: false });
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: "abc" }, "amount_not_a_number"],
      [{ amount: "-5" }, "amount_negative_not_allowed"],
      [{ amount: "1.005" }, "amount_too_many_decimals"],
      [{ amount: "5.00" }, "payout_amount_below_fees"],
      [{ currency: "USD" }, "payout_currency_not_accepted"],
      [{ amount: "2000.00" }, "payout_insufficient_available"],
    ];
    for (const [change, code] of cases) {
      expect(await request(team.ownerRequest, input(team.slug, change)), code).toMatchObject({ ok: false, code });
    }
    expect(await request(team.ownerRequest, input(team.slug, { speed: "overnight" }))).toMatchObject({ ok: false, fieldErrors: { speed: expect.any(Array) } });
    expect(await request(team.ownerRequest, input(team.slug, { currency: "XYZ" }))).toMatchObject({ ok: false, fieldErrors: { currency: expect.any(Array) } });
    const noBank = await payoutTeam({ bank: false });
    expect(await request(noBank.ownerRequest, input(noBank.slug))).toMatchObject({ ok: false, code: "payout_no_bank_account" });
    expect(await payoutCount(team.organization.id)).toBe(0);
    expect(await payoutEntryCount(team.organization.id)).toBe(0);
    expect(await available(team.organization.id)).toBe(100_000n);
  });

  it("refuses viewers, other organizations and a request without a fresh second factor", async () => {
    const team = await payoutTeam();
    const other = await payoutTeam({ fundsMinor: 0n });
    expect(await request(team.viewerRequest, input(team.slug))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await request(other.ownerRequest, input(team.slug))).toMatchObject({ ok: false, code: "not_found" });
    expect(await request(await signedIn(team.finance), input(team.slug))).toMatchObject({ ok: false, code: "step_up_required" });
    expect(await request(await signedIn(team.finance, { secondFactorAgoMs: 20 * MINUTE }), input(team.slug))).toMatchObject({ ok: false, code: "step_up_required" });
    expect(await payoutCount(team.organization.id)).toBe(0);
  });

  it("prices a foreign-currency payout's limits in CNY at the newest mid rate", async () => {
    const team = await payoutTeam({ fundsMinor: 0n });
    await collect(team.organization.id, 500_000n, 0n, "USD");
    await db().insert(fxRates).values({ base: "USD", quote: "CNY", rate: "7.2000", asOf: new Date(), source: `payouts-test-${randomUUID()}` });
    const { payoutId } = await requested(team.ownerRequest, input(team.slug, { currency: "USD", amount: "1000.00" }));
    const payout = await payoutRow(payoutId);
    expect(payout).toMatchObject({ currency: "USD", feeMinor: 100n, netMinor: 99_900n, cnyEquivalentMinor: 720_000n });
    expect(payout.beneficiary).toMatchObject({ swiftBic: "BKCHCNBJ92A", cnaps: null });
  });
});

describe("limits", () => {
  it("enforces the member's single and daily limits and the tier's daily limit, in CNY", async () => {
    const team = await payoutTeam({ tier: "standard", fundsMinor: 20_000_000n });
    await db().update(memberships).set({ maxSingleMinor: 1_000_000n, dailyTotalMinor: 1_500_000n }).where(and(eq(memberships.organizationId, team.organization.id), eq(memberships.userId, team.finance.id)));
    expect(await request(team.financeRequest, input(team.slug, { amount: "10000.01" }))).toMatchObject({ ok: false, code: "payout_limit_member_single" });
    await requested(team.financeRequest, input(team.slug, { amount: "10000.00" }));
    expect(await request(team.financeRequest, input(team.slug, { amount: "5000.01" }))).toMatchObject({ ok: false, code: "payout_limit_member_daily" });
    await requested(team.financeRequest, input(team.slug, { amount: "5000.00" }));

    // The standard tier pays out at most CNY 50,000 a day across all members; CNY 15,000 went already.
    await requested(team.ownerRequest, input(team.slug, { amount: "35000.00" }));
    expect(await request(team.ownerRequest, input(team.slug, { amount: "10.00" }))).toMatchObject({
      ok: false,
      code: "payout_limit_tier_daily",
      message: expect.stringContaining("50,000.00"),
    });
  });

  it("two requests at once that each fit the tier limit but not together: one is refused", async () => {
    const team = await payoutTeam({ tier: "standard", fundsMinor: 20_000_000n });
    const results = await Promise.all([
      request(team.ownerRequest, input(team.slug, { amount: "19000.00" })),
      request(team.secondOwnerRequest, input(team.slug, { amount: "19000.00" })),
      request(team.financeRequest, input(team.slug, { amount: "19000.00" })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ code: "payout_limit_tier_daily" })]);
    expect(await available(team.organization.id)).toBe(20_000_000n - 3_800_000n);
  });

  it("concurrent requests never take available below zero", async () => {
    const team = await payoutTeam({ fundsMinor: 1_000_000n });
    const results = await Promise.all([0, 1, 2, 3].map(() => request(team.ownerRequest, input(team.slug, { amount: "4000.00" }))));
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    for (const refused of results.filter((result) => !result.ok)) expect(refused).toMatchObject({ code: "payout_insufficient_available" });
    expect(await available(team.organization.id)).toBe(200_000n);
    expect(await payoutCount(team.organization.id)).toBe(2);
    expect((await verifyLedger(db())).failures).toEqual([]);
  });
});

describe("maker-checker", () => {
  async function aboveThreshold() {
    const team = await payoutTeam();
    const { payoutId, status } = await requested(team.ownerRequest, input(team.slug, { amount: "30000.00" }));
    expect(status).toBe("requested");
    return { ...team, payoutId };
  }
  const approve = (who: RequestContext, slug: string, payoutId: string) => executeAction(approvePayoutAction, { org: slug, payoutId }, who);

  it("cannot be approved by the requester, by finance, without a fresh second factor, or from another organization", async () => {
    const team = await aboveThreshold();
    expect(await approve(team.ownerRequest, team.slug, team.payoutId)).toMatchObject({ ok: false, code: "approver_is_requester" });
    expect(await approve(team.financeRequest, team.slug, team.payoutId)).toMatchObject({ ok: false, code: "approver_not_owner" });
    expect(await approve(team.viewerRequest, team.slug, team.payoutId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await approve(await signedIn(team.secondOwner), team.slug, team.payoutId)).toMatchObject({ ok: false, code: "step_up_required" });
    const other = await payoutTeam({ fundsMinor: 0n });
    expect(await approve(other.ownerRequest, other.slug, team.payoutId)).toMatchObject({ ok: false, code: "payout_not_found" });
    expect(await approve(other.ownerRequest, team.slug, team.payoutId)).toMatchObject({ ok: false, code: "not_found" });
    expect((await payoutRow(team.payoutId)).status).toBe("requested");
    // Nor by the bank: the job leaves it alone until an owner approves.
    await processPayouts(new Date());
    expect((await payoutRow(team.payoutId)).status).toBe("requested");
  });

  it("another owner approves it once, even when two approvals arrive at once", async () => {
    const team = await aboveThreshold();
    const third = await createUser({ totp: true });
    await addMember(team.organization.id, third.id, "owner");
    const results = await Promise.all([
      approve(team.secondOwnerRequest, team.slug, team.payoutId),
      approve(await signedIn(third, { secondFactorAgoMs: 0 }), team.slug, team.payoutId),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ code: "payout_not_requested" })]);
    const payout = await payoutRow(team.payoutId);
    expect(payout.status).toBe("approved");
    expect([team.secondOwner.id, third.id]).toContain(payout.approvedBy);
  });

  it("the owner's threshold decides; only owners set it, with a fresh second factor", async () => {
    const team = await payoutTeam();
    const set = (who: RequestContext, threshold: string) => executeAction(updatePayoutSettingsAction, { org: team.slug, threshold }, who);
    expect(await set(team.financeRequest, "100")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await set(await signedIn(team.owner), "100")).toMatchObject({ ok: false, code: "step_up_required" });
    expect(await set(team.ownerRequest, "-1")).toMatchObject({ ok: false, code: "amount_negative_not_allowed" });
    expect(await set(team.ownerRequest, "500.00")).toMatchObject({ ok: true, data: { thresholdCnyMinor: "50000" } });
    expect((await requested(team.financeRequest, input(team.slug, { amount: "500.00" }))).status).toBe("approved");
    expect((await requested(team.financeRequest, input(team.slug, { amount: "500.01" }))).status).toBe("requested");
  });

  it("cancelling a payout awaiting approval gives the amount and the fees back", async () => {
    const team = await aboveThreshold();
    const cancel = (who: RequestContext) => executeAction(cancelPayoutAction, { org: team.slug, payoutId: team.payoutId }, who);
    expect(await cancel(team.viewerRequest)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await cancel(team.financeRequest)).toMatchObject({ ok: true, data: { status: "cancelled" } });
    expect(await cancel(team.ownerRequest)).toMatchObject({ ok: false, code: "payout_final" });
    const payout = await payoutRow(team.payoutId);
    expect(payout).toMatchObject({ status: "cancelled", cancelledBy: team.finance.id });
    expect(payout.reversalEntryId).not.toBeNull();
    expect(await available(team.organization.id)).toBe(10_000_000n);
    const fees = await db().select().from(feeCharges).where(eq(feeCharges.entryId, payout.entryId));
    expect(fees.every((fee) => fee.reversedAt !== null)).toBe(true);
    expect(await approve(team.secondOwnerRequest, team.slug, team.payoutId)).toMatchObject({ ok: false, code: "payout_final" });
  });
});

describe("the bank", () => {
  it("sends approved payouts and pays expedited ones at once, standard ones after the delay; running twice changes nothing", async () => {
    const team = await payoutTeam();
    const expedited = await requested(team.ownerRequest, input(team.slug, { speed: "expedited" }));
    const standard = await requested(team.ownerRequest, input(team.slug));
    const now = new Date();
    await Promise.all([processPayouts(now), processPayouts(now)]);
    expect(await payoutRow(expedited.payoutId)).toMatchObject({ status: "paid", bankProvider: "sandbox", bankReference: expect.stringMatching(/^QSBXP[0-9A-F]{14}$/) });
    const sent = await payoutRow(standard.payoutId);
    expect(sent).toMatchObject({ status: "sent", paidAt: null });
    await processPayouts(new Date(now.getTime() + 5 * MINUTE + 1000));
    const paid = await payoutRow(standard.payoutId);
    expect(paid).toMatchObject({ status: "paid", bankReference: sent.bankReference });
    await processPayouts(new Date(now.getTime() + 10 * MINUTE));
    expect(await payoutRow(standard.payoutId)).toEqual(paid);
    expect(await available(team.organization.id)).toBe(10_000_000n - 200_000n);
  });

  it("a failed or returned payout is reversed, fees included, with the reason; a paid one can no longer be", async () => {
    const team = await payoutTeam();
    const outcome = (who: RequestContext, payoutId: string, change: Record<string, unknown> = {}) =>
      executeAction(sandboxPayoutOutcomeAction, { org: team.slug, payoutId, outcome: "failed", reason: "Beneficiary account frozen", ...change }, who);
    const first = await requested(team.financeRequest, input(team.slug));
    expect(await outcome(team.viewerRequest, first.payoutId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await outcome(team.financeRequest, first.payoutId, { reason: " " })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect(await outcome(team.financeRequest, first.payoutId)).toMatchObject({ ok: true, data: { status: "failed" } });
    expect(await payoutRow(first.payoutId)).toMatchObject({ status: "failed", failureReason: "Beneficiary account frozen", failedAt: expect.any(Date) });
    expect(await available(team.organization.id)).toBe(10_000_000n);

    const second = await requested(team.financeRequest, input(team.slug));
    await processPayouts(new Date());
    expect((await payoutRow(second.payoutId)).status).toBe("sent");
    const lines: string[] = [];
    expect(await payoutOutcome("returned", [second.payoutId, "--reason", "Account closed at the receiving bank"], (line) => lines.push(line), (line) => lines.push(line))).toBe(0);
    expect(await payoutRow(second.payoutId)).toMatchObject({ status: "returned", failureReason: "Account closed at the receiving bank" });
    expect(await available(team.organization.id)).toBe(10_000_000n);
    const fees = await db().select().from(feeCharges).where(eq(feeCharges.entryId, (await payoutRow(second.payoutId)).entryId));
    expect(fees.length).toBeGreaterThan(0);
    expect(fees.every((fee) => fee.reversedAt !== null)).toBe(true);

    const third = await requested(team.financeRequest, input(team.slug, { speed: "expedited" }));
    await processPayouts(new Date());
    expect(await outcome(team.financeRequest, third.payoutId, { outcome: "returned" })).toMatchObject({ ok: false, code: "payout_final" });
    expect(await payoutOutcome("failed", [third.payoutId, "--reason", "late"], () => {}, () => {})).toBe(1);
    expect(await payoutOutcome("failed", [third.payoutId], () => {}, () => {})).toBe(1);
    expect((await verifyLedger(db())).failures).toEqual([]);
  });
});

describe("createPayout for a settlement run", () => {
  it("records the batch, applies no member's limits, and above the threshold waits for any owner", async () => {
    const team = await payoutTeam();
    const batchId = randomUUID();
    const result = await db().transaction((tx) =>
      createPayout(tx, { organizationId: team.organization.id, currency: "CNY", amountMinor: 3_000_000n, speed: "standard", origin: { kind: "settlement", batchId }, now: new Date() }),
    );
    expect(result).toMatchObject({ status: "requested", netMinor: 2_999_500n, feeLines: [expect.objectContaining({ type: "payout", amountMinor: 500n })] });
    expect(await payoutRow(result.payoutId)).toMatchObject({ origin: "settlement", settlementBatchId: batchId, requestedBy: null });
    expect(await executeAction(approvePayoutAction, { org: team.slug, payoutId: result.payoutId }, team.ownerRequest)).toMatchObject({ ok: true });
    await expect(
      db().transaction((tx) =>
        createPayout(tx, { organizationId: team.organization.id, currency: "CNY", amountMinor: 1_000n, speed: "standard", origin: { kind: "settlement", batchId }, now: new Date() }),
      ),
    ).rejects.toMatchObject({ cause: { code: "23505", constraint_name: "payouts_settlement_batch_key" } });
  });
});
