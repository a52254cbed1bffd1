import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { cardPayments, disputes, feeCharges, journalEntries, sandboxCardChargebacks, sandboxCardIntents, webhookEvents } from "@/db/schema";
import { TEST_CARDS } from "@/lib/domain/cards";
import { serializeCardEvent, signatureHeader, SIGNATURE_HEADER } from "@/lib/domain/webhooks";
import { disputeStaffRequests, reloadDispute, usd } from "@/tests/fixtures/disputes";
import { createIssuedInvoiceScenario } from "@/tests/fixtures/invoices";
import { accountBalance, platform } from "@/tests/fixtures/ledger";
import { anonymous } from "@/tests/fixtures/people";
import { clearDueCardPayments } from "../card-payments/clearing";
import { startCardPaymentAction } from "../card-payments/start";
import { receiveCardWebhookAction } from "../card-payments/webhook";
import { executeAction } from "../guard/execute-action";
import { verifyLedger } from "../ledger/verify";
import { chargebackEventFor, deliverChargebackWebhook, deliverDueChargebacks, fileSandboxChargeback } from "../sandbox-card/chargebacks";
import { confirmSandboxCardAction } from "../sandbox-card/confirm";
import { deliverIntentWebhook, type Send } from "../sandbox-card/webhooks";
import { claimDisputeAction } from "./agents";
import { decideDisputeAction } from "./decide";
import { runDisputeTimers } from "./timers";

const SECRET = "whsec_integration_tests_0123456789abcdef";

beforeAll(() => {
  process.env.CARD_WEBHOOK_SECRET = SECRET;
  // No app listens here: deliveries go straight to the endpoint's action below.
  process.env.APP_URL = "http://127.0.0.1:9";
  process.env.CARD_CLEARING_DELAY_HOURS = "0";
});
afterAll(() => {
  delete process.env.CARD_CLEARING_DELAY_HOURS;
});

async function post(body: string, signature: string | null) {
  const result = await executeAction(receiveCardWebhookAction, { body, signature }, anonymous);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

const toEndpoint: Send = async (_url, init) => {
  const headers = init.headers as Record<string, string>;
  const answer = await post(String(init.body), headers[SIGNATURE_HEADER] ?? null);
  return Response.json(answer.body, { status: answer.status });
};

/** A deposit paid by card through the sandbox processor; cleared into available unless `clear` is false. */
async function cardPaidDeposit({ clear = true } = {}) {
  const setup = await createIssuedInvoiceScenario();
  const started = await executeAction(startCardPaymentAction, { token: setup.invoice.payToken! }, anonymous);
  const intentId = /\/sandbox\/card\/(pi_[0-9a-f]{32})$/.exec((started as { ok: true; data: { redirectUrl: string } }).data.redirectUrl)![1]!;
  await executeAction(confirmSandboxCardAction, { intentId, number: TEST_CARDS.succeeds, expiry: "12/39", cvc: "123", name: "Maria Jensen" }, anonymous);
  expect(await deliverIntentWebhook(intentId, { send: toEndpoint })).toBe(true);
  if (clear) await clearDueCardPayments(new Date(Date.now() + 1_000));
  const [payment] = await db().select().from(cardPayments).where(eq(cardPayments.processorPaymentId, intentId));
  return { ...setup, orgId: setup.team.organization.id, intentId, payment: payment! };
}

const casesOf = (cardPaymentId: string) => db().select().from(disputes).where(eq(disputes.cardPaymentId, cardPaymentId));

describe("a chargeback from the card processor", () => {
  it("opens one chargeback case holding the amount, even when the event is delivered twice", async () => {
    const s = await cardPaidDeposit();
    const available = await usd(s.orgId, "available");
    const filed = await fileSandboxChargeback(db(), { intentId: s.intentId, reason: "product_unacceptable" });
    expect(filed.ok).toBe(true);
    const chargeback = (filed as { ok: true; chargeback: typeof sandboxCardChargebacks.$inferSelect }).chargeback;

    const [intent] = await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, s.intentId));
    const body = serializeCardEvent(chargebackEventFor(chargeback, intent!, new Date()));
    const signature = signatureHeader(SECRET, Math.floor(Date.now() / 1000), body);
    const answers = await Promise.all([post(body, signature), post(body, signature)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(await post(body, signature)).toEqual({ status: 400, body: { error: "replayed" } });

    const cases = await casesOf(s.payment.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      category: "chargeback",
      tier: "L2",
      status: "open",
      paidByCard: true,
      buyerTokenHash: null,
      openedBy: null,
      invoiceId: s.invoice.id,
      paymentId: s.payment.paymentId,
      disputedMinor: s.payment.amountMinor,
      // Available holds the payment less its collection fee: the rest is a shortfall.
      reservedMinor: available,
      reserveShortfallMinor: s.payment.amountMinor - available,
      chargebackReference: `sandbox:${chargeback.id}`,
    });
    expect(await usd(s.orgId, "available")).toBe(0n);
    const accepted = await db().select().from(webhookEvents).where(and(eq(webhookEvents.eventId, `evt_${chargeback.id}`), eq(webhookEvents.outcome, "accepted")));
    expect(accepted).toHaveLength(1);

    // The processor's own delivery of the same chargeback is the same event: refused as a replay, no second case.
    expect(await deliverChargebackWebhook(chargeback.id, { send: toEndpoint })).toBe(false);
    expect(await deliverDueChargebacks({ send: toEndpoint })).toBe(0);
    expect(await casesOf(s.payment.id)).toHaveLength(1);
    expect((await verifyLedger(db())).failures).toEqual([]);
  });

  it("on a payment still pending holds what becomes available when it clears", async () => {
    const s = await cardPaidDeposit({ clear: false });
    const filed = await fileSandboxChargeback(db(), { intentId: s.intentId, amountMinor: 10_000n, reason: "fraudulent" });
    expect(await deliverChargebackWebhook((filed as { ok: true; chargeback: { id: string } }).chargeback.id, { send: toEndpoint })).toBe(true);
    const [opened] = await casesOf(s.payment.id);
    expect(opened).toMatchObject({ disputedMinor: 10_000n, reservedMinor: 0n, reserveShortfallMinor: 10_000n });

    await clearDueCardPayments(new Date(Date.now() + 1_000));
    await runDisputeTimers();
    expect(await reloadDispute(opened!.id)).toMatchObject({ reservedMinor: 10_000n, reserveShortfallMinor: 0n });
    expect(await usd(s.orgId, "reserved")).toBe(10_000n);
    expect((await verifyLedger(db())).failures).toEqual([]);
  });

  it("lost, debits the reserve to card clearing and charges the chargeback fee of the schedule from available", async () => {
    const s = await cardPaidDeposit();
    const { agent } = await disputeStaffRequests();
    const filed = await fileSandboxChargeback(db(), { intentId: s.intentId, amountMinor: 50_000n, reason: "product_not_received" });
    await deliverChargebackWebhook((filed as { ok: true; chargeback: { id: string } }).chargeback.id, { send: toEndpoint });
    const [opened] = await casesOf(s.payment.id);
    const available = await usd(s.orgId, "available");
    const cardClearing = await accountBalance(platform("card_clearing"));
    const feeRevenue = await accountBalance(platform("fee_revenue"));

    await executeAction(claimDisputeAction, { disputeId: opened!.id }, agent);
    const decided = await executeAction(decideDisputeAction, { disputeId: opened!.id, outcome: "lost", note: "No proof of delivery.", rootCause: "logistics" }, agent);
    expect(decided).toMatchObject({ ok: true, data: { status: "closed", buyerShareMinor: 50_000n } });
    const entryId = (decided as { ok: true; data: { entryId: string } }).data.entryId;

    // Standard schedule: USD 15.00 per chargeback.
    expect(await usd(s.orgId, "reserved")).toBe(0n);
    expect(await usd(s.orgId, "available")).toBe(available - 1_500n);
    expect(await accountBalance(platform("card_clearing"))).toBe(cardClearing + 50_000n);
    expect(await accountBalance(platform("fee_revenue"))).toBe(feeRevenue + 1_500n);
    const [entry] = await db().select().from(journalEntries).where(eq(journalEntries.id, entryId));
    expect(entry).toMatchObject({ idempotencyKey: `dispute:${opened!.id}:decision`, type: "dispute_decision" });
    expect(await db().select().from(feeCharges).where(eq(feeCharges.entryId, entryId))).toEqual([
      expect.objectContaining({ type: "chargeback", currency: "USD", amountMinor: 1_500n, organizationId: s.orgId }),
    ]);
    expect((await verifyLedger(db())).failures).toEqual([]);
  });

  it("is refused when the payment never succeeded or the issuer asks for more than was paid", async () => {
    const s = await cardPaidDeposit();
    expect(await fileSandboxChargeback(db(), { intentId: s.intentId, amountMinor: s.payment.amountMinor + 1n, reason: "general" })).toEqual({ ok: false, reason: "amount_invalid" });
    expect(await fileSandboxChargeback(db(), { intentId: "pi_nope", reason: "general" })).toEqual({ ok: false, reason: "unknown_intent" });

    const [intent] = await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, s.intentId));
    const tooMuch = serializeCardEvent(
      chargebackEventFor({ id: "dp_toomuch", intentId: s.intentId, currency: "USD", amountMinor: s.payment.amountMinor + 1n, reason: "general", webhookDeliveredAt: null, webhookAttempts: 0, createdAt: new Date(), updatedAt: new Date() }, intent!, new Date()),
    );
    expect(await post(tooMuch, signatureHeader(SECRET, Math.floor(Date.now() / 1000), tooMuch))).toEqual({ status: 400, body: { error: "chargeback_above_payment" } });
    await db().update(cardPayments).set({ status: "declined" }).where(eq(cardPayments.id, s.payment.id));
    const declined = serializeCardEvent(
      chargebackEventFor({ id: "dp_declined", intentId: s.intentId, currency: "USD", amountMinor: 100n, reason: "general", webhookDeliveredAt: null, webhookAttempts: 0, createdAt: new Date(), updatedAt: new Date() }, intent!, new Date()),
    );
    expect(await post(declined, signatureHeader(SECRET, Math.floor(Date.now() / 1000), declined))).toEqual({ status: 400, body: { error: "payment_not_succeeded" } });
    expect(await casesOf(s.payment.id)).toHaveLength(0);
  });
});
