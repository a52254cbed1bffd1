import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, cardPayments, feeCharges, invoices, journalEntries, paymentAllocations, sandboxCardIntents, webhookEvents } from "@/db/schema";
import { serializeCardEvent, signatureHeader, SIGNATURE_HEADER, type CardEvent } from "@/lib/domain/webhooks";
import { TEST_CARDS } from "@/lib/domain/cards";
import { createIssuedInvoiceScenario } from "@/tests/fixtures/invoices";
import { accountBalance, org } from "@/tests/fixtures/ledger";
import { anonymous } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { verifyLedger } from "../ledger/verify";
import { payPageView } from "../pay/page";
import { buyerRefundableCredit } from "../refunds/queries";
import { completeSandboxChallengeAction, confirmSandboxCardAction } from "../sandbox-card/confirm";
import { deliverDueWebhooks, deliverIntentWebhook, eventFor, type Send } from "../sandbox-card/webhooks";
import { clearDueCardPayments } from "./clearing";
import { startCardPaymentAction } from "./start";
import { receiveCardWebhookAction } from "./webhook";

const SECRET = "whsec_integration_tests_0123456789abcdef";
const HOUR = 3_600_000;

beforeAll(() => {
  process.env.CARD_WEBHOOK_SECRET = SECRET;
  // No app listens here: the processor's immediate delivery after an outcome fails, and the tests deliver explicitly.
  process.env.APP_URL = "http://127.0.0.1:9";
  delete process.env.CARD_CLEARING_DELAY_HOURS;
});

/** Quayside's webhook endpoint, called in process the way the route handler calls it. */
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

async function startPayment(token: string) {
  const result = await executeAction(startCardPaymentAction, { token }, anonymous);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  const redirectUrl = (result as { ok: true; data: { redirectUrl: string } }).data.redirectUrl;
  const intentId = /\/sandbox\/card\/(pi_[0-9a-f]{32})$/.exec(redirectUrl)![1]!;
  const [payment] = await db().select().from(cardPayments).where(eq(cardPayments.processorPaymentId, intentId));
  return { intentId, payment: payment! };
}

async function pay(intentId: string, number: string) {
  return executeAction(confirmSandboxCardAction, { intentId, number, expiry: "12/39", cvc: "123", name: "Maria Jensen" }, anonymous);
}

async function scenario() {
  const setup = await createIssuedInvoiceScenario();
  const deposit = setup.instalments.find((instalment) => instalment.label === "deposit")!;
  return { ...setup, deposit, token: setup.invoice.payToken!, orgId: setup.team.organization.id };
}

const reloadPayment = async (id: string) => (await db().select().from(cardPayments).where(eq(cardPayments.id, id)))[0]!;
const reloadInvoice = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!;
const eventsFor = (eventId: string) => db().select().from(webhookEvents).where(eq(webhookEvents.eventId, eventId));
async function entryCount(organizationId: string) {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(journalEntries).where(eq(journalEntries.organizationId, organizationId));
  return row!.n;
}

/** A succeeded intent's signed event, as the processor would send it now. */
async function succeededEvent(intentId: string): Promise<{ event: CardEvent; body: string }> {
  const [intent] = await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, intentId));
  const event = eventFor({ ...intent!, status: "succeeded" }, new Date());
  return { event, body: serializeCardEvent(event) };
}
const json = (value: unknown) => JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? inner.toString() : inner));
const signNow = (body: string, secret = SECRET, at = Date.now()) => signatureHeader(secret, Math.floor(at / 1000), body);

describe("starting a card payment from the pay link", () => {
  it("creates a card payment for the deposit's outstanding amount and an intent at the processor", async () => {
    const { token, deposit, invoice } = await scenario();
    const { intentId, payment } = await startPayment(token);
    expect(payment).toMatchObject({ invoiceId: invoice.id, instalmentId: deposit.id, status: "created", amountMinor: deposit.amountMinor, currency: "USD", processor: "sandbox" });
    const [intent] = await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, intentId));
    expect(intent).toMatchObject({ amountMinor: deposit.amountMinor, currency: "USD", status: "created" });
    expect(intent!.returnUrl).toContain(`/pay/${token}?card=${payment.id}`);
  });

  it("refuses a void invoice, a draft and an unknown link, writing nothing", async () => {
    const { token, invoice } = await scenario();
    await db().update(invoices).set({ status: "void" }).where(eq(invoices.id, invoice.id));
    expect(await executeAction(startCardPaymentAction, { token }, anonymous)).toMatchObject({ ok: false, code: "pay_invoice_void" });
    await db().update(invoices).set({ status: "draft" }).where(eq(invoices.id, invoice.id));
    expect(await executeAction(startCardPaymentAction, { token }, anonymous)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(startCardPaymentAction, { token: "x".repeat(43) }, anonymous)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(startCardPaymentAction, { token: "short" }, anonymous)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await db().select().from(cardPayments).where(eq(cardPayments.invoiceId, invoice.id))).toHaveLength(0);
  });
});

describe("rate limits", () => {
  it("refuses a 21st card payment on one link within the hour, writing nothing for it", async () => {
    const { token, invoice } = await scenario();
    for (let i = 0; i < 20; i++) expect(await executeAction(startCardPaymentAction, { token }, { ...anonymous, ip: null })).toMatchObject({ ok: true });
    expect(await executeAction(startCardPaymentAction, { token }, { ...anonymous, ip: null })).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await db().select().from(cardPayments).where(eq(cardPayments.invoiceId, invoice.id))).toHaveLength(20);
  });
});

describe("the sandbox processor", () => {
  it("checks the card, never keeps it, and tells Quayside by a signed webhook: card clearing → pending, invoice partially paid", async () => {
    const { token, deposit, invoice, orgId } = await scenario();
    const { intentId, payment } = await startPayment(token);
    expect(await pay(intentId, "4242 4242 4242 4241")).toMatchObject({ ok: false, code: "card_invalid_number" });
    const answer = await pay(intentId, "4242 4242 4242 4242");
    expect(answer).toMatchObject({ ok: true });
    expect((answer as { ok: true; data: { redirectUrl: string } }).data.redirectUrl).toContain("redirect_status=succeeded");
    const audits = await db().select().from(auditLog).where(eq(auditLog.target, `sandbox_card_intent:${intentId}`));
    expect(audits).toHaveLength(1);
    expect(json(audits)).not.toContain("4242");
    expect(json(await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, intentId)))).not.toContain("4242");

    expect(await deliverIntentWebhook(intentId, { send: toEndpoint })).toBe(true);
    const stored = await reloadPayment(payment.id);
    expect(stored.status).toBe("succeeded");
    expect(stored.paymentId).not.toBeNull();
    expect(stored.clearsAt!.getTime() - Date.now()).toBeGreaterThan(47 * HOUR);
    expect(await accountBalance(org(orgId, "pending"))).toBe(deposit.amountMinor);
    expect(await accountBalance(org(orgId, "available"))).toBe(0n);
    expect(await reloadInvoice(invoice.id)).toMatchObject({ status: "partially_paid", paidMinor: deposit.amountMinor });
    // Delivered: the job has nothing left to send for it.
    expect(await deliverDueWebhooks({ send: toEndpoint })).toBe(0);
  });

  it("declines 4000 0000 0000 0002 and 4000 0000 0000 9995 with the processor's codes", async () => {
    for (const [number, code] of [
      [TEST_CARDS.declined, "card_declined"],
      [TEST_CARDS.insufficientFunds, "insufficient_funds"],
    ] as const) {
      const { token, invoice, orgId } = await scenario();
      const { intentId, payment } = await startPayment(token);
      expect(await pay(intentId, number)).toMatchObject({ ok: true, data: { redirectUrl: expect.stringContaining("redirect_status=failed") } });
      expect(await deliverIntentWebhook(intentId, { send: toEndpoint })).toBe(true);
      expect(await reloadPayment(payment.id)).toMatchObject({ status: "declined", declineCode: code, paymentId: null });
      expect(await accountBalance(org(orgId, "pending"))).toBe(0n);
      expect((await reloadInvoice(invoice.id)).status).toBe("open");
      expect(await pay(intentId, TEST_CARDS.succeeds)).toMatchObject({ ok: false, code: "sandbox_card_intent_closed" });
    }
  });

  it("asks for 3-D Secure on 4000 0027 6000 3184: the right code succeeds, failing declines", async () => {
    const approved = await scenario();
    const first = await startPayment(approved.token);
    expect(await pay(first.intentId, TEST_CARDS.threeDSecure)).toMatchObject({ ok: true, data: { redirectUrl: `/sandbox/card/${first.intentId}/challenge` } });
    const [challenged] = await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, first.intentId));
    expect(challenged).toMatchObject({ status: "requires_action", challengeCode: expect.stringMatching(/^\d{6}$/) });
    const wrong = challenged!.challengeCode === "000000" ? "111111" : "000000";
    expect(await executeAction(completeSandboxChallengeAction, { intentId: first.intentId, decision: "approve", code: wrong }, anonymous)).toMatchObject({
      ok: false,
      code: "card_challenge_code_wrong",
    });
    expect(
      await executeAction(completeSandboxChallengeAction, { intentId: first.intentId, decision: "approve", code: challenged!.challengeCode }, anonymous),
    ).toMatchObject({ ok: true });
    await deliverIntentWebhook(first.intentId, { send: toEndpoint });
    expect((await reloadPayment(first.payment.id)).status).toBe("succeeded");

    const failed = await scenario();
    const second = await startPayment(failed.token);
    await pay(second.intentId, TEST_CARDS.threeDSecure);
    expect(await executeAction(completeSandboxChallengeAction, { intentId: second.intentId, decision: "fail" }, anonymous)).toMatchObject({ ok: true });
    await deliverIntentWebhook(second.intentId, { send: toEndpoint });
    expect(await reloadPayment(second.payment.id)).toMatchObject({ status: "declined", declineCode: "authentication_failed" });
  });

  it("retries an undelivered webhook with backoff from the job", async () => {
    const { token } = await scenario();
    const { intentId, payment } = await startPayment(token);
    await pay(intentId, TEST_CARDS.succeeds); // its immediate delivery fails: attempt 1
    const down: Send = async () => new Response("unavailable", { status: 503 });
    expect(await deliverIntentWebhook(intentId, { send: down })).toBe(false); // attempt 2
    // After two failed attempts the next is due 20 s after the last one.
    expect(await deliverDueWebhooks({ send: toEndpoint, now: new Date(Date.now() + 5_000) })).toBe(0);
    expect(await deliverDueWebhooks({ send: toEndpoint, now: new Date(Date.now() + 25_000) })).toBeGreaterThanOrEqual(1);
    const [intent] = await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, intentId));
    expect(intent).toMatchObject({ webhookAttempts: 3, webhookDeliveredAt: expect.any(Date) });
    expect((await reloadPayment(payment.id)).status).toBe("succeeded");
  });
});

describe("the webhook endpoint", () => {
  it("refuses unsigned, malformed, tampered, wrongly signed and expired deliveries, logs why, and changes nothing", async () => {
    const { token, orgId, invoice } = await scenario();
    const { intentId, payment } = await startPayment(token);
    const { event, body } = await succeededEvent(intentId);
    const entriesBefore = await entryCount(orgId);
    const tampered = body.replace(`"amount":"${payment.amountMinor}"`, `"amount":"${payment.amountMinor * 10n}"`);
    const cases: Array<[string, string, string | null]> = [
      ["missing_signature", body, null],
      ["malformed", body, "t=yesterday,v1=zz"],
      ["bad_signature", tampered, signNow(body)],
      ["bad_signature", body, signNow(body, "whsec_someone_else_0123456789abcdef")],
      ["expired", body, signNow(body, SECRET, Date.now() - 301_000)],
      ["expired", body, signNow(body, SECRET, Date.now() + 3_600_000)],
      ["malformed", "not json", signNow("not json")],
    ];
    for (const [reason, sent, header] of cases) {
      expect(await post(sent, header), reason).toEqual({ status: 400, body: { error: reason } });
    }
    const logged = await db()
      .select({ reason: webhookEvents.reason, outcome: webhookEvents.outcome, bodySha256: webhookEvents.bodySha256 })
      .from(webhookEvents)
      .where(eq(webhookEvents.remoteAddress, anonymous.ip!))
      .orderBy(sql`${webhookEvents.receivedAt} desc`)
      .limit(cases.length);
    expect(logged.map((row) => row.reason).sort()).toEqual(cases.map(([reason]) => reason).sort());
    expect(logged.every((row) => row.outcome === "refused" && /^[0-9a-f]{64}$/.test(row.bodySha256))).toBe(true);
    expect(await eventsFor(event.id).then((rows) => rows.filter((row) => row.outcome === "accepted"))).toHaveLength(0);
    expect((await reloadPayment(payment.id)).status).toBe("created");
    expect((await reloadInvoice(invoice.id)).status).toBe("open");
    expect(await entryCount(orgId)).toBe(entriesBefore);
  });

  it("posts a good event once even when it is delivered twice or at the same time; the replays are refused and logged", async () => {
    const { token, orgId, deposit } = await scenario();
    const { intentId, payment } = await startPayment(token);
    const { event, body } = await succeededEvent(intentId);
    const answers = await Promise.all([post(body, signNow(body)), post(body, signNow(body)), post(body, signNow(body))]);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 400).map((answer) => answer.body)).toEqual([{ error: "replayed" }, { error: "replayed" }]);
    expect(await post(body, signNow(body))).toEqual({ status: 400, body: { error: "replayed" } });
    const rows = await eventsFor(event.id);
    expect(rows.filter((row) => row.outcome === "accepted")).toHaveLength(1);
    expect(rows.filter((row) => row.reason === "replayed")).toHaveLength(3);
    expect(await accountBalance(org(orgId, "pending"))).toBe(deposit.amountMinor);
    const receipts = await db().select().from(journalEntries).where(and(eq(journalEntries.organizationId, orgId), eq(journalEntries.type, "card_receipt")));
    expect(receipts).toHaveLength(1);
    expect((await reloadPayment(payment.id)).status).toBe("succeeded");
    expect((await verifyLedger(db())).failures).toEqual([]);
  });

  it("refuses an event for a payment Quayside never started", async () => {
    const { token } = await scenario();
    const { intentId } = await startPayment(token);
    const { body } = await succeededEvent(intentId);
    const forged = body.replaceAll(intentId, `pi_${"0".repeat(32)}`);
    expect(await post(forged, signNow(forged))).toEqual({ status: 400, body: { error: "unknown_payment" } });
  });
});

describe("clearing", () => {
  it("moves a succeeded card payment from pending to available once, after the delay", async () => {
    const { token, orgId, deposit } = await scenario();
    const { intentId, payment } = await startPayment(token);
    await pay(intentId, TEST_CARDS.succeeds);
    await deliverIntentWebhook(intentId, { send: toEndpoint });
    const stored = await reloadPayment(payment.id);

    await clearDueCardPayments(new Date(stored.clearsAt!.getTime() - 1_000));
    expect((await reloadPayment(payment.id)).clearedAt).toBeNull();
    expect(await accountBalance(org(orgId, "pending"))).toBe(deposit.amountMinor);

    const later = new Date(stored.clearsAt!.getTime() + 1_000);
    const [first, second] = await Promise.all([clearDueCardPayments(later), clearDueCardPayments(later)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    await clearDueCardPayments(later);
    expect(await accountBalance(org(orgId, "pending"))).toBe(0n);
    // The collection fee is charged as the money becomes available: 0.6 % of 1,641.00, half-up.
    expect(await accountBalance(org(orgId, "available"))).toBe(deposit.amountMinor - 985n);
    const cleared = await reloadPayment(payment.id);
    expect(cleared.clearedAt).toEqual(later);
    const clearings = await db().select().from(journalEntries).where(and(eq(journalEntries.organizationId, orgId), eq(journalEntries.type, "card_clearing")));
    expect(clearings.map((entry) => entry.id)).toEqual([cleared.clearingEntryId]);
    const charges = await db().select().from(feeCharges).where(eq(feeCharges.entryId, cleared.clearingEntryId!));
    expect(charges).toMatchObject([{ type: "collection", currency: "USD", basisMinor: deposit.amountMinor, rate: "0.006", amountMinor: 985n, reversedAt: null }]);
    const [allocation] = await db().select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, cleared.paymentId!));
    expect(allocation).toMatchObject({ amountMinor: deposit.amountMinor, feeMinor: 985n });
  });
});

describe("card money the invoice no longer owes", () => {
  it("is kept as the buyer's credit, clears into buyer_credit and becomes refundable", async () => {
    const { token, orgId, deposit, invoice, buyer } = await scenario();
    const { intentId, payment } = await startPayment(token);
    await pay(intentId, TEST_CARDS.succeeds);
    // Voided while the buyer was paying: the card money is not the invoice's any more.
    await db().update(invoices).set({ status: "void" }).where(eq(invoices.id, invoice.id));
    await deliverIntentWebhook(intentId, { send: toEndpoint });
    expect(await buyerRefundableCredit(orgId, buyer.id)).toEqual([{ currency: "USD", refundableMinor: 0n, heldByCardMinor: deposit.amountMinor }]);

    const stored = await reloadPayment(payment.id);
    await clearDueCardPayments(new Date(stored.clearsAt!.getTime() + 1_000));
    expect(await accountBalance(org(orgId, "pending"))).toBe(0n);
    expect(await accountBalance(org(orgId, "available"))).toBe(0n);
    expect(await accountBalance(org(orgId, "buyer_credit"))).toBe(deposit.amountMinor);
    expect(await buyerRefundableCredit(orgId, buyer.id)).toEqual([{ currency: "USD", refundableMinor: deposit.amountMinor, heldByCardMinor: 0n }]);
    expect((await verifyLedger(db())).failures).toEqual([]);
  });
});

describe("the pay page query", () => {
  it("shows one invoice and nothing of the organization's other invoices", async () => {
    const first = await scenario();
    const { createTestInvoice } = await import("@/tests/fixtures/invoices");
    const other = await createTestInvoice(first.orgId, first.team.owner.id, first.buyer.id, { currency: "EUR" });
    const view = await payPageView(first.token);
    expect(view).toMatchObject({ state: "payable", number: first.invoice.number, currency: "USD", dueNow: { id: first.deposit.id } });
    const shown = json(view);
    expect(shown).not.toContain(other.invoice.number!);
    expect(shown).not.toContain(other.invoice.id);
    expect(shown).not.toContain(first.orgId);
    expect(shown).not.toContain(first.invoice.id);
    expect(await payPageView("A".repeat(43))).toBeNull();
    expect(await payPageView("../etc")).toBeNull();
  });

  it("shows a card payment notice only for this invoice's own card payment", async () => {
    const first = await scenario();
    const second = await scenario();
    const { payment } = await startPayment(second.token);
    expect((await payPageView(first.token, payment.id))!.cardPayment).toBeNull();
    expect((await payPageView(second.token, payment.id))!.cardPayment).toEqual({ status: "created", declineCode: null });
  });
});

describe("the demo seed", () => {
  it("pays the two newest open invoices' deposits by card: the older cleared to available, the newer pending", async () => {
    const { seedCardPayments } = await import("@/scripts/seed/card-payments");
    const { createTestInvoice } = await import("@/tests/fixtures/invoices");
    const first = await scenario();
    const older = await createTestInvoice(first.orgId, first.team.owner.id, first.buyer.id, { issueDate: "2020-01-01" });
    const newer = await createTestInvoice(first.orgId, first.team.owner.id, first.buyer.id, { issueDate: "2099-01-01" });
    const newerDeposit = newer.instalments[0]!;
    const foundation = { factory: { id: first.orgId, slug: first.team.organization.slug } } as Parameters<typeof seedCardPayments>[1];
    await db().transaction((tx) => seedCardPayments(tx, foundation));
    expect(await accountBalance(org(first.orgId, "available"))).toBe(first.deposit.amountMinor - 985n);
    expect(await accountBalance(org(first.orgId, "pending"))).toBe(newerDeposit.amountMinor);
    expect((await reloadInvoice(first.invoice.id)).status).toBe("partially_paid");
    expect((await reloadInvoice(newer.invoice.id)).status).toBe("partially_paid");
    expect((await reloadInvoice(older.invoice.id)).status).toBe("open");
    const seeded = await db().select().from(cardPayments).where(eq(cardPayments.organizationId, first.orgId));
    expect(seeded.map((payment) => [payment.status, payment.clearedAt !== null]).sort()).toEqual([
      ["succeeded", false],
      ["succeeded", true],
    ]);
  });
});
