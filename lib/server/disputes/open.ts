import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { disputes, incomingPayments, invoices, organizations, paymentAllocations } from "@/db/schema";
import { DEFAULT_TIER, DISPUTE_CATEGORIES, disputedAmountRefusal, reservePlan, reservesMoney, timerColumns, type DisputeCategory } from "@/lib/domain/disputes";
import { formatMoney, money, parseAmount, toDecimalString, type CurrencyCode } from "@/lib/domain/money";
import { localDateOf } from "@/lib/domain/time/local-day";
import { now } from "../clock";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { buyerLinkUrl, newBuyerToken } from "./buyer-link";
import { nextDisputeNumber, recordEvent, updateDispute, type CaseActor, type Dispute } from "./case";
import { applyRules } from "./escalation";
import { lockAvailable, reserveForCase } from "./money";

export const MAX_CASE_TEXT = 4000;

export interface NewCase {
  organizationId: string;
  category: DisputeCategory;
  buyerId: string;
  invoiceId: string | null;
  paymentId: string | null;
  cardPaymentId?: string | null;
  paidByCard: boolean;
  currency: string;
  disputedMinor: bigint;
  description: string;
  buyerClaim: string;
  chargebackReference?: string | null;
  /** A buyer's link is made for every case but a chargeback, whose other side is the card issuer. */
  withBuyerLink: boolean;
  actor: CaseActor;
  /** When it was opened: now on the platform clock, unless the demo seed tells an older story. */
  at?: Date;
}

/**
 * Opens a case: numbered, in its category's tier with that tier's timers running from now, holding the disputed
 * amount — moved from available to reserved as far as available goes, the rest recorded as a shortfall that incoming
 * funds fill first — and run through the escalation rules at once (a large amount or a repeated buyer goes to L3).
 */
export async function openCase(tx: Transaction, input: NewCase): Promise<{ dispute: Dispute; buyerToken: string | null }> {
  const at = input.at ?? (await now(tx));
  const plan = reservesMoney(input.category)
    ? reservePlan({ disputedMinor: input.disputedMinor, availableMinor: await lockAvailable(tx, input.organizationId, input.currency) })
    : { reserveNowMinor: 0n, shortfallMinor: 0n };
  const [organization] = await tx.select({ timezone: organizations.timezone }).from(organizations).where(eq(organizations.id, input.organizationId));
  const year = Number(localDateOf(at, organization?.timezone).slice(0, 4));
  const number = await nextDisputeNumber(tx, input.organizationId, year);
  const tier = DEFAULT_TIER[input.category];
  const link = input.withBuyerLink ? newBuyerToken() : null;

  const [inserted] = await tx
    .insert(disputes)
    .values({
      organizationId: input.organizationId,
      number,
      category: input.category,
      tier,
      status: "open",
      buyerId: input.buyerId,
      invoiceId: input.invoiceId,
      paymentId: input.paymentId,
      cardPaymentId: input.cardPaymentId ?? null,
      paidByCard: input.paidByCard,
      currency: input.currency,
      disputedMinor: input.disputedMinor,
      reservedMinor: 0n,
      reserveShortfallMinor: plan.shortfallMinor,
      description: input.description,
      buyerClaim: input.buyerClaim,
      buyerTokenHash: link?.hash ?? null,
      openedBy: input.actor.userId,
      chargebackReference: input.chargebackReference ?? null,
      openedAt: at,
      tierEnteredAt: at,
      ...timerColumns({ tier, tierEnteredAt: at, firstResponseAt: null, proposedAt: null, decidedAt: null }),
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  let dispute = inserted!;
  await recordEvent(tx, dispute, {
    kind: "opened",
    actor: input.actor,
    at,
    toStatus: "open",
    toTier: tier,
    details: {
      category: input.category,
      disputedMinor: input.disputedMinor.toString(),
      currency: input.currency,
      invoiceId: input.invoiceId,
      paymentId: input.paymentId,
      chargebackReference: input.chargebackReference ?? null,
    },
  });
  if (plan.reserveNowMinor > 0n) {
    await reserveForCase(tx, dispute, plan.reserveNowMinor, input.actor, at, "reserved");
    dispute = await updateDispute(tx, dispute.id, { reservedMinor: plan.reserveNowMinor }, at);
  }
  dispute = await applyRules(tx, dispute, at);
  return { dispute, buyerToken: link?.token ?? null };
}

interface Subject {
  buyerId: string;
  invoiceId: string | null;
  paymentId: string | null;
  currency: string;
  /** The most the case may dispute: what was paid, or for "payment not received" what is still open. */
  limitMinor: bigint;
  paidByCard: boolean;
}

async function invoiceSubject(tx: Transaction, organizationId: string, invoiceId: string, category: DisputeCategory): Promise<Subject> {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.organizationId, organizationId)))
    .for("share");
  if (!invoice || invoice.status === "draft") throw new ActionError("dispute_subject_not_found");
  const [methods] = await tx
    .select({ card: sql<number>`count(*) filter (where ${paymentAllocations.method} = 'card')::int`, all: sql<number>`count(*)::int` })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.invoiceId, invoice.id), isNull(paymentAllocations.reversedAt)));
  const limitMinor = category === "payment_not_received" ? invoice.totalMinor - invoice.paidMinor : invoice.paidMinor;
  if (limitMinor <= 0n) throw new ActionError(category === "payment_not_received" ? "dispute_invoice_paid" : "dispute_nothing_paid");
  return {
    buyerId: invoice.buyerId,
    invoiceId: invoice.id,
    paymentId: null,
    currency: invoice.currency,
    limitMinor,
    paidByCard: (methods?.all ?? 0) > 0 && methods!.card === methods!.all,
  };
}

async function paymentSubject(tx: Transaction, organizationId: string, paymentId: string, category: DisputeCategory): Promise<Subject> {
  if (category === "payment_not_received") throw new ActionError("dispute_category_needs_invoice");
  const [payment] = await tx
    .select()
    .from(incomingPayments)
    .where(and(eq(incomingPayments.id, paymentId), eq(incomingPayments.organizationId, organizationId)))
    .for("share");
  if (!payment || payment.matchStatus === "reversed") throw new ActionError("dispute_subject_not_found");
  if (!payment.buyerId) throw new ActionError("dispute_payment_buyer_unknown");
  return { buyerId: payment.buyerId, invoiceId: null, paymentId: payment.id, currency: payment.currency, limitMinor: payment.amountMinor, paidByCard: payment.source === "card" };
}

const text = (max: number) => z.string().trim().max(max);

export const openDisputeInput = z
  .object({
    org: z.string(),
    invoiceId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
    paymentId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
    // A chargeback is opened by the card processor's event, never by hand.
    category: z.enum(DISPUTE_CATEGORIES.filter((category) => category !== "chargeback") as [DisputeCategory, ...DisputeCategory[]], "validation.choice"),
    amount: z.string().trim().max(40),
    description: text(MAX_CASE_TEXT).min(1, "validation.required"),
    buyerClaim: text(MAX_CASE_TEXT).default(""),
  })
  .refine((input) => (input.invoiceId === undefined) !== (input.paymentId === undefined), { path: ["invoiceId"], message: "validation.dispute_subject" });

/**
 * A factory's owner or finance opens a case about one of its invoices or payments, for the buyer's claim. The
 * disputed amount is at most what was paid; the buyer gets a link of its own, shown here once.
 */
export const openDisputeAction = defineAction({
  name: "disputes.open",
  access: { kind: "org", roles: MONEY_ROLES },
  input: openDisputeInput,
  async handler(ctx, input) {
    const organizationId = ctx.organization.id;
    const subject = input.invoiceId
      ? await invoiceSubject(ctx.tx, organizationId, input.invoiceId, input.category)
      : await paymentSubject(ctx.tx, organizationId, input.paymentId!, input.category);
    const currency = subject.currency as CurrencyCode;
    const amount = parseAmount(input.amount, currency);
    if (!amount.ok) throw new ActionError(`amount_${amount.error}`);
    const refusal = disputedAmountRefusal(money(amount.amountMinor, currency), money(subject.limitMinor, currency));
    if (refusal) throw new ActionError(refusal, { limit: formatMoney(subject.limitMinor, currency, ctx.request.locale, { display: "code" }) });

    const { dispute, buyerToken } = await openCase(ctx.tx, {
      organizationId,
      category: input.category,
      buyerId: subject.buyerId,
      invoiceId: subject.invoiceId,
      paymentId: subject.paymentId,
      paidByCard: subject.paidByCard,
      currency,
      disputedMinor: amount.amountMinor,
      description: input.description,
      buyerClaim: input.buyerClaim,
      withBuyerLink: true,
      actor: { kind: "factory", userId: ctx.auth.user.id },
    });
    ctx.audit(`dispute:${dispute.id}`, {
      number: dispute.number,
      category: dispute.category,
      tier: dispute.tier,
      amount: `${currency} ${toDecimalString(dispute.disputedMinor, currency)}`,
      reserved: `${currency} ${toDecimalString(dispute.reservedMinor, currency)}`,
      shortfall: `${currency} ${toDecimalString(dispute.reserveShortfallMinor, currency)}`,
      invoiceId: subject.invoiceId,
      paymentId: subject.paymentId,
    });
    return {
      disputeId: dispute.id,
      number: dispute.number,
      tier: dispute.tier,
      buyerLinkUrl: buyerLinkUrl(buyerToken!),
      reservedMinor: dispute.reservedMinor,
      shortfallMinor: dispute.reserveShortfallMinor,
    };
  },
});
