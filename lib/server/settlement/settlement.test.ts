import { randomUUID } from "node:crypto";
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import {
  auditLog,
  buyers,
  cardPayments,
  feeCharges,
  fxRates,
  invoiceInstalments,
  invoices,
  journalEntries,
  journalLines,
  kybApplications,
  ledgerAccounts,
  payouts,
  settlementBatches,
  settlementBatchLines,
  settlementCalendarYears,
  settlementSchedules,
} from "@/db/schema";
import { invoiceRfReference } from "@/lib/domain/invoices/rf";
import { bankAccountSchema } from "@/lib/server/kyb/schemas";
import { sampleBankAccount } from "@/lib/server/kyb/samples";
import { settle } from "@/scripts/ops/settle";
import { approvedTeam } from "@/tests/fixtures/approved-team";
import { accountBalance, org } from "@/tests/fixtures/ledger";
import { createUser, signedIn } from "@/tests/fixtures/people";
import { clearCardPaymentIn } from "../card-payments/clearing";
import { allocateToInvoice } from "../collections/allocations";
import { recordBankReceipt, recordCardCollection } from "../collections/receipts";
import { executeAction } from "../guard/execute-action";
import { postEntry } from "../ledger";
import { verifyLedger } from "../ledger/verify";
import { addHolidayAction, addMakeUpDayAction, removeHolidayAction, restoreCalendarYearAction } from "./calendar-admin";
import { loadBusinessCalendar } from "./calendar";
import { downloadBatchCsvAction } from "./downloads";
import { listBatches } from "./queries";
import { runSettlement } from "./run";
import { updateScheduleAction } from "./schedules";
import { loadBatch } from "./statement";

let sequence = 0;

// Other files' tests read the newest rates of the shared test database: leave none of ours behind.
afterAll(() => db().delete(fxRates).where(like(fxRates.source, "settlement-test-%")));

/** A mid rate for the limits' CNY equivalent and for conversions (cross rates resolve through it). */
async function usdRate(rate = "7.2000") {
  await db().insert(fxRates).values({ base: "USD", quote: "CNY", rate, asOf: new Date(), source: `settlement-test-${randomUUID()}` });
}

/** approvedTeam with an open USD invoice to pay. */
async function settlementTeam(options: { foreignCurrency?: boolean; bank?: boolean } = {}) {
  const team = await approvedTeam(options);
  const { organization } = team;
  const [buyer] = await db()
    .insert(buyers)
    .values({ organizationId: organization.id, name: `Harbor Tools ${randomUUID().slice(0, 8)}`, country: "US", defaultCurrency: "USD", defaultTerms: { kind: "single", days: 60 } })
    .returning();
  sequence += 1;
  const total = 100_000_000n;
  const [invoice] = await db()
    .insert(invoices)
    .values({
      organizationId: organization.id,
      buyerId: buyer!.id,
      number: `INV-2026-S${String(sequence).padStart(4, "0")}`,
      rfReference: invoiceRfReference(organization.id, 2026, sequence),
      payToken: randomUUID(),
      currency: "USD",
      status: "open",
      issueDate: "2026-09-01",
      terms: { kind: "single" },
      subtotalMinor: total,
      totalMinor: total,
    })
    .returning();
  const [instalment] = await db()
    .insert(invoiceInstalments)
    .values({ invoiceId: invoice!.id, organizationId: organization.id, position: 1, label: "full", shareBps: 10000, amountMinor: total, dueRule: { anchor: "issue", days: 60 }, dueDate: "2026-10-31" })
    .returning();
  return { ...team, invoice: invoice!, instalment: instalment! };
}
type Team = Awaited<ReturnType<typeof settlementTeam>>;

/** A bank transfer valued on `valueDate`, matched to the team's invoice: available + (amount − collection fee). */
async function bankCollection(team: Team, amountMinor: bigint, valueDate: string): Promise<string> {
  return db().transaction(async (tx) => {
    const { paymentId } = await recordBankReceipt(tx, {
      organizationId: team.organization.id,
      source: "bank_transfer",
      accountIdentifier: "US64SVBKUS6S3300958879",
      bankRef: `BR-${randomUUID().slice(0, 12)}`,
      currency: "USD",
      amountMinor,
      bookingDate: valueDate,
      valueDate,
      reference: team.invoice.rfReference,
    });
    const { allocationIds } = await allocateToInvoice(tx, { paymentId, invoiceId: team.invoice.id, amountMinor, method: "rf_reference" });
    const [entry] = await tx.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.idempotencyKey, `allocation:${allocationIds[0]}`));
    return entry!.id;
  });
}

/** A card payment that cleared at `clearedAt` (pending → available less the collection fee). */
async function cardCollection(team: Team, amountMinor: bigint, clearedAt: Date): Promise<string> {
  return db().transaction(async (tx) => {
    const processorPaymentId = `pi_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const { paymentId } = await recordCardCollection(tx, {
      organizationId: team.organization.id,
      invoiceId: team.invoice.id,
      instalmentId: team.instalment.id,
      processor: "sandbox",
      processorPaymentId,
      currency: "USD",
      amountMinor,
      bookingDate: "2026-11-01",
    });
    const [card] = await tx
      .insert(cardPayments)
      .values({
        organizationId: team.organization.id,
        invoiceId: team.invoice.id,
        instalmentId: team.instalment.id,
        processor: "sandbox",
        processorPaymentId,
        currency: "USD",
        amountMinor,
        status: "succeeded",
        paymentId,
        clearsAt: clearedAt,
      })
      .returning();
    expect(await clearCardPaymentIn(tx, card!.id, clearedAt)).toBe(true);
    const [cleared] = await tx.select({ entryId: cardPayments.clearingEntryId }).from(cardPayments).where(eq(cardPayments.id, card!.id));
    return cleared!.entryId!;
  });
}

const run = (team: Team, runDate: string) => runSettlement({ runDate, organizationId: team.organization.id, trigger: "ops" });
const available = (team: Team, currency = "USD") => accountBalance(org(team.organization.id, "available", currency));

async function creditOf(entryId: string, team: Team, currency = "USD"): Promise<bigint> {
  const [row] = await db()
    .select({ amountMinor: journalLines.amountMinor })
    .from(journalLines)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
    .where(and(eq(journalLines.entryId, entryId), eq(ledgerAccounts.organizationId, team.organization.id), eq(ledgerAccounts.kind, "available"), eq(ledgerAccounts.currency, currency)));
  return row!.amountMinor;
}

async function batchesOf(team: Team) {
  return db().select().from(settlementBatches).where(eq(settlementBatches.organizationId, team.organization.id)).orderBy(settlementBatches.runDate);
}

async function collectionLines(batchId: string) {
  return db()
    .select()
    .from(settlementBatchLines)
    .where(and(eq(settlementBatchLines.batchId, batchId), eq(settlementBatchLines.kind, "collection")))
    .orderBy(settlementBatchLines.position);
}

describe("what a run settles", () => {
  it("follows the schedule across weekends, public holidays and make-up working days", async () => {
    await usdRate();
    const team = await settlementTeam();
    const beforeHoliday = await bankCollection(team, 100_000n, "2026-09-30"); // Wednesday, then National Day 1–7 October
    const friday = await bankCollection(team, 250_000n, "2026-10-09"); // T+1 is Saturday 10th, a make-up working day

    for (const holiday of ["2026-10-05", "2026-10-11"]) {
      const result = await run(team, holiday);
      expect(result.businessDay).toBe(false);
      expect(result.outcomes).toEqual([]);
    }
    expect(await batchesOf(team)).toEqual([]);

    const first = await run(team, "2026-10-08");
    expect(first.outcomes).toEqual([expect.objectContaining({ currency: "USD", result: "settled" })]);
    const [october8] = await batchesOf(team);
    expect(october8).toMatchObject({ runDate: "2026-10-08", cutoffDate: "2026-10-01", status: "settled", payoutCurrency: "USD" });
    expect(october8!.dueMinor).toBe(await creditOf(beforeHoliday, team));
    expect(october8!.notYetDueMinor).toBe(await creditOf(friday, team));
    expect((await collectionLines(october8!.id)).map((line) => line.entryId)).toEqual([beforeHoliday]);

    const makeUpSaturday = await run(team, "2026-10-10");
    expect(makeUpSaturday.businessDay).toBe(true);
    const [, october10] = await batchesOf(team);
    expect(october10).toMatchObject({ runDate: "2026-10-10", status: "settled", notYetDueMinor: 0n });
    expect(october10!.dueMinor).toBe(await creditOf(friday, team));
    expect((await collectionLines(october10!.id)).map((line) => line.entryId)).toEqual([friday]);
    expect(await available(team)).toBe(0n);
  });

  it("waits for a fixed weekday, and skips on-demand currencies", async () => {
    await usdRate();
    const team = await settlementTeam();
    await bankCollection(team, 120_000n, "2026-11-02"); // Monday
    const weekly = { org: team.slug, currency: "USD", kind: "weekly", weekday: "5", payoutCurrency: "USD" };
    expect(await executeAction(updateScheduleAction, weekly, team.financeRequest)).toMatchObject({ ok: true });
    expect((await run(team, "2026-11-05")).outcomes).toEqual([expect.objectContaining({ result: "nothing_due" })]);
    expect((await run(team, "2026-11-06")).outcomes).toEqual([expect.objectContaining({ result: "settled" })]);

    await bankCollection(team, 80_000n, "2026-11-09");
    expect(await executeAction(updateScheduleAction, { ...weekly, kind: "on_demand" }, team.ownerRequest)).toMatchObject({ ok: true });
    expect((await run(team, "2026-11-20")).outcomes).toEqual([expect.objectContaining({ result: "not_scheduled" })]);
    expect(await batchesOf(team)).toHaveLength(1);
  });
});

describe("the batch statement", () => {
  it("lists the due collections with their fees, reconciles other movements, converts to CNY and agrees with the ledger to the cent", async () => {
    await usdRate("7.1830");
    const team = await settlementTeam({ foreignCurrency: false }); // a CNY-only account: USD is converted
    const bank = await bankCollection(team, 1_234_567n, "2026-11-02");
    const card = await cardCollection(team, 500_050n, new Date("2026-11-03T02:00:00Z"));
    const notDue = await bankCollection(team, 99_999n, "2026-11-05");
    // Money moved out of available meanwhile (a reserve): the due amount is less than the collections listed.
    await postEntry(db(), {
      organizationId: team.organization.id,
      idempotencyKey: `test-reserve:${randomUUID()}`,
      type: "dispute_hold",
      description: "Held for a dispute",
      lines: [
        { account: org(team.organization.id, "available"), amountMinor: -10_000n },
        { account: org(team.organization.id, "reserved"), amountMinor: 10_000n },
      ],
    });
    const availableBefore = await available(team);

    const result = await run(team, "2026-11-05");
    expect(result.outcomes).toEqual([expect.objectContaining({ result: "settled", payoutCurrency: "CNY" })]);
    const [batch] = await batchesOf(team);
    const loaded = (await loadBatch(team.organization.id, batch!.id))!;
    expect(loaded.reconciled).toBe(true);
    const { totals, lines } = loaded.statement;

    // The collections, their gross = what reached available + the fees recorded for their entry.
    const listed = await collectionLines(batch!.id);
    expect(listed.map((line) => [line.entryId, line.source, line.clearedOn])).toEqual([
      [bank, "bank", "2026-11-02"],
      [card, "card", "2026-11-03"],
    ]);
    for (const line of listed) {
      const charges = await db().select().from(feeCharges).where(eq(feeCharges.entryId, line.entryId!));
      expect(charges.length).toBeGreaterThan(0);
      const fees = charges.reduce((sum, charge) => sum + charge.amountMinor, 0n);
      expect(line.amountMinor).toBe((await creditOf(line.entryId!, team)) + fees);
      expect(lines).toContainEqual(expect.objectContaining({ kind: "fee", feeType: "collection", amountMinor: -charges[0]!.amountMinor }));
    }
    expect(listed[0]!.reference).toContain(team.invoice.number);
    expect(totals.grossMinor).toBe(1_234_567n + 500_050n);
    // Due = available − credits not yet due; the reconciling line is the reserve.
    expect(batch!.notYetDueMinor).toBe(await creditOf(notDue, team));
    expect(batch!.dueMinor).toBe(availableBefore - batch!.notYetDueMinor);
    expect(totals.otherMinor).toBe(-10_000n);
    expect(totals.grossMinor - totals.collectionFeesMinor + totals.otherMinor).toBe(totals.settledMinor);

    // The conversion: what left USD available, what arrived in CNY, at the customer rate shown.
    const fx = lines.find((line) => line.kind === "fx")!;
    expect(fx).toMatchObject({ kind: "fx", currency: "USD", counterCurrency: "CNY", mid: "7.183" });
    expect(await available(team)).toBe(availableBefore - totals.settledMinor);
    const fxLines = await db()
      .select({ kind: ledgerAccounts.kind, currency: ledgerAccounts.currency, organizationId: ledgerAccounts.organizationId, amountMinor: journalLines.amountMinor })
      .from(journalLines)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
      .where(eq(journalLines.entryId, batch!.fxEntryId!));
    expect(fxLines).toContainEqual({ kind: "available", currency: "USD", organizationId: team.organization.id, amountMinor: -totals.settledMinor });
    expect(fxLines).toContainEqual({ kind: "available", currency: "CNY", organizationId: team.organization.id, amountMinor: fx.kind === "fx" ? fx.counterAmountMinor : 0n });

    // The payout: made of what the conversion bought, its fees, the net the statement shows.
    const [payout] = await db().select().from(payouts).where(eq(payouts.id, batch!.payoutId!));
    expect(payout).toMatchObject({ currency: "CNY", origin: "settlement", settlementBatchId: batch!.id, amountMinor: totals.payoutAmountMinor, netMinor: totals.netMinor, feeMinor: totals.payoutFeesMinor });
    expect(await available(team, "CNY")).toBe(0n);
    expect(lines.at(-1)).toEqual({ kind: "net", currency: "CNY", amountMinor: payout!.netMinor });
    expect((await verifyLedger(db())).failures).toEqual([]);

    // The CSV download says the same, line by line.
    const csv = await executeAction(downloadBatchCsvAction, { org: team.slug, batchId: batch!.id }, team.viewerRequest);
    if (!csv.ok) throw new Error(csv.code);
    const rows = csv.data.csv.trim().split("\r\n");
    expect(rows).toHaveLength(lines.length + 1);
    expect(rows.at(-1)).toMatch(new RegExp(`^net,.*,CNY,${(Number(payout!.netMinor) / 100).toFixed(2)},`));
  });
});

describe("running again", () => {
  it("settles each amount once when run twice; a held batch keeps its reason and is settled by a later run", async () => {
    await usdRate();
    const team = await settlementTeam({ bank: false });
    await bankCollection(team, 300_000n, "2026-11-02");
    const held = await run(team, "2026-11-04");
    expect(held.outcomes).toEqual([expect.objectContaining({ result: "held", code: "payout_no_bank_account" })]);
    expect((await run(team, "2026-11-04")).outcomes).toEqual([expect.objectContaining({ result: "held", code: "payout_no_bank_account" })]);
    const [heldBatch] = await batchesOf(team);
    expect(heldBatch).toMatchObject({ status: "held", holdCode: "payout_no_bank_account", payoutId: null });
    expect(await collectionLines(heldBatch!.id)).toHaveLength(1);
    const availableBefore = await available(team);

    await db()
      .update(kybApplications)
      .set({ bankAccount: bankAccountSchema.parse(sampleBankAccount()) })
      .where(eq(kybApplications.organizationId, team.organization.id));
    await bankCollection(team, 50_000n, "2026-11-04");
    const dueAtRetry = await available(team);
    expect(dueAtRetry).toBeGreaterThan(availableBefore);
    const settled = await run(team, "2026-11-05");
    expect(settled.outcomes).toEqual([expect.objectContaining({ result: "settled", batchId: heldBatch!.id })]);
    const again = await run(team, "2026-11-05");
    expect(again.outcomes).toEqual([]);
    const batches = await batchesOf(team);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ id: heldBatch!.id, status: "settled", runDate: "2026-11-05", holdCode: null });
    expect(await collectionLines(heldBatch!.id)).toHaveLength(2);
    expect(batches[0]!.settledMinor).toBe(dueAtRetry);
    expect(await available(team)).toBe(0n);
    const [count] = await db().select({ n: sql<number>`count(*)::int` }).from(payouts).where(eq(payouts.organizationId, team.organization.id));
    expect(count!.n).toBe(1);
  });

  it("holds a batch past the tier's daily payout limit, with the reason", async () => {
    await usdRate();
    const team = await settlementTeam();
    await bankCollection(team, 3_000_000n, "2026-11-02"); // USD 30,000: about CNY 215,000, past the premium tier's CNY 200,000 a day
    const before = await available(team);
    const result = await run(team, "2026-11-04");
    expect(result.outcomes).toEqual([expect.objectContaining({ result: "held", code: "payout_limit_tier_daily" })]);
    const [batch] = await listBatches(team.organization.id);
    expect(batch).toMatchObject({ status: "held", holdCode: "payout_limit_tier_daily", netMinor: null, collections: 1 });
    expect((await loadBatch(team.organization.id, batch!.id))!.statement.totals.netMinor).toBeNull();
    expect(await available(team)).toBe(before);
  });

  it("settles each amount once when runs of the same and of later dates go at once", async () => {
    await usdRate();
    const team = await settlementTeam();
    const entries = [await bankCollection(team, 111_111n, "2026-11-02"), await bankCollection(team, 222_222n, "2026-11-03"), await bankCollection(team, 333_333n, "2026-11-04")];
    const due = await available(team);
    const results = await Promise.all([run(team, "2026-11-05"), run(team, "2026-11-05"), run(team, "2026-11-06"), run(team, "2026-11-05")]);
    expect(results.flatMap((result) => result.outcomes).filter((outcome) => outcome.result === "failed")).toEqual([]);
    const batches = await batchesOf(team);
    const settledMinor = batches.reduce((sum, batch) => sum + batch.settledMinor, 0n);
    expect(settledMinor).toBe(due);
    expect(await available(team)).toBe(0n);
    const listed = (await Promise.all(batches.map((batch) => collectionLines(batch.id)))).flat().map((line) => line.entryId);
    expect(listed.sort()).toEqual([...entries].sort());
    const [count] = await db().select({ n: sql<number>`count(*)::int` }).from(payouts).where(eq(payouts.organizationId, team.organization.id));
    expect(count!.n).toBe(batches.length);
    expect(new Set(batches.map((batch) => batch.runDate)).size).toBe(batches.length);
  });

  it("settles a held batch once when two runs retry it at once", async () => {
    await usdRate();
    const team = await settlementTeam({ bank: false });
    await bankCollection(team, 200_000n, "2026-11-02");
    await run(team, "2026-11-04");
    await db()
      .update(kybApplications)
      .set({ bankAccount: bankAccountSchema.parse(sampleBankAccount()) })
      .where(eq(kybApplications.organizationId, team.organization.id));
    const results = await Promise.all([run(team, "2026-11-05"), run(team, "2026-11-05")]);
    expect(results.flatMap((result) => result.outcomes).map((outcome) => outcome.result).sort()).toEqual(["already_settled", "settled"]);
    const batches = await batchesOf(team);
    expect(batches).toEqual([expect.objectContaining({ status: "settled", runDate: "2026-11-05" })]);
    expect(await collectionLines(batches[0]!.id)).toHaveLength(1);
    expect(await available(team)).toBe(0n);
  });

  it("prints what the ops command settled", async () => {
    await usdRate();
    const team = await settlementTeam();
    await bankCollection(team, 150_000n, "2026-11-02");
    const out: string[] = [];
    expect(await settle(["--date", "2026-11-04", "--org", team.slug], (line) => out.push(line), () => {})).toBe(0);
    expect(out.join("\n")).toMatch(new RegExp(`${team.slug} USD: settled, batch [0-9a-f-]{36}, payout [0-9a-f-]{36} of USD 1,490.00 net`));
    out.length = 0;
    expect(await settle(["--date", "2026-11-07", "--org", team.slug], (line) => out.push(line), () => {})).toBe(0);
    expect(out).toEqual(["2026-11-07 is not a business day in mainland China: nothing is settled."]);
    const errors: string[] = [];
    expect(await settle(["--date", "2026-13-01"], () => {}, (line) => errors.push(line))).toBe(1);
    expect(errors[0]).toContain("Usage");
  });
});

describe("who sees and changes what", () => {
  it("shows another organization nothing", async () => {
    await usdRate();
    const team = await settlementTeam();
    const other = await settlementTeam();
    await bankCollection(team, 100_000n, "2026-11-02");
    await bankCollection(other, 100_000n, "2026-11-02");
    await run(team, "2026-11-04");
    const [batch] = await batchesOf(team);
    expect(await batchesOf(other)).toEqual([]);
    expect(await loadBatch(other.organization.id, batch!.id)).toBeNull();
    expect(await listBatches(other.organization.id)).toEqual([]);
    expect(await executeAction(downloadBatchCsvAction, { org: other.slug, batchId: batch!.id }, other.ownerRequest)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(downloadBatchCsvAction, { org: team.slug, batchId: batch!.id }, other.ownerRequest)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(updateScheduleAction, { org: team.slug, currency: "USD", kind: "on_demand", payoutCurrency: "USD" }, other.ownerRequest)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("lets owners and finance change a schedule, audited; refuses viewers and bad schedules with nothing written", async () => {
    const team = await settlementTeam({ foreignCurrency: false });
    const rows = async () => db().select().from(settlementSchedules).where(eq(settlementSchedules.organizationId, team.organization.id));
    const input = { org: team.slug, currency: "USD", kind: "rolling", businessDays: "2", payoutCurrency: "CNY" };
    expect(await executeAction(updateScheduleAction, input, team.viewerRequest)).toMatchObject({ ok: false, code: "forbidden" });
    for (const [change, code] of [
      [{ businessDays: "31" }, "settlement_schedule_rolling_days_out_of_range"],
      [{ businessDays: "" }, "settlement_schedule_incomplete"],
      [{ kind: "weekly", weekday: "6" }, "settlement_schedule_weekday_out_of_range"],
      [{ kind: "monthly", monthDay: "0" }, "settlement_schedule_month_day_out_of_range"],
      [{ payoutCurrency: "USD" }, "settlement_payout_currency_not_accepted"], // the account takes CNY only
      [{ currency: "XYZ" }, "invalid_input"],
    ] as const) {
      expect(await executeAction(updateScheduleAction, { ...input, ...change }, team.financeRequest)).toMatchObject({ ok: false, code });
    }
    expect(await rows()).toEqual([]);

    expect(await executeAction(updateScheduleAction, input, team.financeRequest)).toMatchObject({ ok: true });
    expect(await executeAction(updateScheduleAction, { ...input, kind: "quarterly", monthDay: "month_end" }, team.ownerRequest)).toMatchObject({ ok: true });
    expect(await rows()).toEqual([expect.objectContaining({ currency: "USD", kind: "quarterly", monthEnd: true, monthDay: null, businessDays: null, payoutCurrency: "CNY", updatedBy: team.owner.id })]);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.organizationId, team.organization.id), eq(auditLog.action, "settlement.updateSchedule")));
    expect(audits).toHaveLength(2);
    expect(audits.map((audit) => audit.summary)).toContainEqual(
      expect.objectContaining({ from: { schedule: { kind: "rolling", businessDays: 2 }, payoutCurrency: "CNY" }, to: { schedule: { kind: "quarterly", day: "month_end" }, payoutCurrency: "CNY" } }),
    );
  });
});

describe("the business-day calendar", () => {
  it("is edited by platform admins only, checked whole, and the run follows it", async () => {
    await usdRate();
    const admin = await createUser({ staffRole: "platform_admin", totp: true });
    const reviewer = await createUser({ staffRole: "kyc_reviewer", totp: true });
    const [adminRequest, reviewerRequest] = await Promise.all([signedIn(admin, { secondFactorAgoMs: 0 }), signedIn(reviewer, { secondFactorAgoMs: 0 })]);
    const holiday = { name: "测试假日", nameEn: "Test holiday", from: "2026-12-16", to: "2026-12-16" };
    try {
      expect(await executeAction(addHolidayAction, holiday, reviewerRequest)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await executeAction(addHolidayAction, { ...holiday, from: "2026-12-17", to: "2026-12-15" }, adminRequest)).toMatchObject({ ok: false, code: "settlement_calendar_period_reversed" });
      expect(await executeAction(addHolidayAction, { ...holiday, from: "2026-10-07", to: "2026-10-08" }, adminRequest)).toMatchObject({ ok: false, code: "settlement_calendar_periods_overlap" });
      expect(await executeAction(addMakeUpDayAction, { date: "2026-12-18", for: "测试假日" }, adminRequest)).toMatchObject({ ok: false, code: "settlement_calendar_make_up_day_not_weekend" });
      expect(await db().select().from(settlementCalendarYears).where(eq(settlementCalendarYears.year, 2026))).toEqual([]);

      expect(await executeAction(addHolidayAction, holiday, adminRequest)).toMatchObject({ ok: true });
      expect(await executeAction(addMakeUpDayAction, { date: "2026-12-19", for: "测试假日" }, adminRequest)).toMatchObject({ ok: true });
      const calendar = await loadBusinessCalendar();
      expect(calendar.holidays.has("2026-12-16")).toBe(true);
      expect(calendar.holidays.has("2026-10-01")).toBe(true); // the shipped holidays of the year are kept
      expect(calendar.makeUpWorkdays.has("2026-12-19")).toBe(true);

      const team = await settlementTeam();
      await bankCollection(team, 100_000n, "2026-12-15");
      expect((await run(team, "2026-12-16")).businessDay).toBe(false);
      expect((await run(team, "2026-12-17")).outcomes).toEqual([expect.objectContaining({ result: "settled" })]);

      expect(await executeAction(removeHolidayAction, { year: 2026, from: "2026-12-16" }, adminRequest)).toMatchObject({ ok: true });
      expect((await loadBusinessCalendar()).holidays.has("2026-12-16")).toBe(false);
    } finally {
      await executeAction(restoreCalendarYearAction, { year: 2026 }, adminRequest);
    }
    expect((await loadBusinessCalendar()).makeUpWorkdays.has("2026-12-19")).toBe(false);
    expect(await executeAction(restoreCalendarYearAction, { year: 2026 }, adminRequest)).toMatchObject({ ok: false, code: "settlement_calendar_nothing_to_restore" });
  });
});
