import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { disputes, organizations } from "@/db/schema";
import {
  decisionRefusal,
  DISPUTE_OUTCOMES,
  isUndecided,
  outcomePlan,
  ROOT_CAUSES,
  type DisputeOutcome,
  type RootCause,
} from "@/lib/domain/disputes";
import { chargebackFee, type FeeLine } from "@/lib/domain/fees";
import { formatMoney, parseAmount, toDecimalString, type CurrencyCode, type Locale } from "@/lib/domain/money";
import { localDateOf } from "@/lib/domain/time/local-day";
import { now } from "../clock";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { recordFeeCharges } from "../fees/charges";
import { feeScheduleOn } from "../fees/schedules";
import { DISPUTE_STAFF } from "./access";
import { lockDispute, nextStatus, recordEvent, updateDispute, type CaseActor, type Dispute } from "./case";
import { lockCaseWithMoney, postDecision } from "./money";
import { reserveDisputeShortfalls } from "./shortfall";

export const MAX_NOTE_LENGTH = 4000;

/** The buyer's share a partial outcome gives back: strictly between nothing and the whole disputed amount. */
export function parseBuyerShare(dispute: Pick<Dispute, "currency" | "disputedMinor">, outcome: DisputeOutcome, text: string | undefined, locale: Locale): bigint | undefined {
  if (outcome !== "partial") return undefined;
  if (!text?.trim()) throw new ActionError("dispute_buyer_share_required");
  const currency = dispute.currency as CurrencyCode;
  const amount = parseAmount(text, currency);
  if (!amount.ok) throw new ActionError(`amount_${amount.error}`);
  if (amount.amountMinor >= dispute.disputedMinor) {
    throw new ActionError("dispute_buyer_share_too_large", { disputed: formatMoney(dispute.disputedMinor, currency, locale, { display: "code" }) });
  }
  return amount.amountMinor;
}

async function chargebackFeeLines(tx: Transaction, dispute: Dispute, at: Date): Promise<FeeLine[]> {
  if (dispute.category !== "chargeback") return [];
  const [organization] = await tx.select({ timezone: organizations.timezone }).from(organizations).where(eq(organizations.id, dispute.organizationId));
  const schedule = await feeScheduleOn(dispute.organizationId, localDateOf(at, organization?.timezone), tx);
  return chargebackFee(schedule, { currency: dispute.currency as CurrencyCode });
}

export interface Settlement {
  outcome: DisputeOutcome;
  buyerShareMinor?: bigint;
  note: string;
  rootCause?: RootCause;
  actor: CaseActor;
  /** The staff member who decided; null when the buyer withdrew. */
  decidedBy: string | null;
  /** The language of a refusal's amounts. */
  locale: Locale;
}

/**
 * Ends an undecided case (locked with its money, see lockCaseWithMoney) with an outcome and posts what it moves in
 * one entry: the reserve released to available, the buyer's share refunded (or debited for a chargeback, with the
 * chargeback fee of the schedule in force), a withdrawn claim released whole. A root cause closes it at once.
 */
export async function settleCase(tx: Transaction, dispute: Dispute, settlement: Settlement, at: Date): Promise<{ dispute: Dispute; entryId: string | null }> {
  if (!isUndecided(dispute.status)) throw new ActionError("dispute_case_decided");
  const decided = nextStatus(dispute.status, settlement.outcome === "withdrawn" ? "withdraw" : "decide", { now: at });
  const feeLines = await chargebackFeeLines(tx, dispute, at);
  const plan = outcomePlan({
    category: dispute.category,
    outcome: settlement.outcome,
    paidByCard: dispute.paidByCard,
    disputedMinor: dispute.disputedMinor,
    reservedMinor: dispute.reservedMinor,
    buyerShareMinor: settlement.buyerShareMinor,
    chargebackFeeMinor: feeLines.reduce((sum, line) => sum + line.amountMinor, 0n),
  });
  const entryId = await postDecision(tx, dispute, plan.movements, settlement.outcome, settlement.decidedBy, settlement.locale);
  if (entryId && plan.movements.some((movement) => movement.kind === "chargeback_fee")) {
    await recordFeeCharges(tx, { organizationId: dispute.organizationId, entryId, lines: feeLines });
  }
  const closes = settlement.rootCause !== undefined && decided === "resolved";
  const status = closes ? nextStatus(decided, "close", { now: at, rootCause: settlement.rootCause }) : decided;
  const updated = await updateDispute(
    tx,
    dispute.id,
    {
      status,
      outcome: settlement.outcome,
      buyerShareMinor: plan.buyerShareMinor,
      factoryShareMinor: plan.factoryShareMinor,
      decisionNote: settlement.note,
      decidedBy: settlement.decidedBy,
      decidedAt: at,
      decisionEntryId: entryId,
      reservedMinor: 0n,
      reserveShortfallMinor: 0n,
      nextDueAt: null,
      ...(settlement.rootCause ? { rootCause: settlement.rootCause } : {}),
      ...(closes ? { closedAt: at } : {}),
    },
    at,
  );
  await recordEvent(tx, dispute, {
    kind: settlement.outcome === "withdrawn" ? "withdrawn" : "decided",
    actor: settlement.actor,
    at,
    fromStatus: dispute.status,
    toStatus: decided,
    details: {
      outcome: settlement.outcome,
      buyerShareMinor: plan.buyerShareMinor.toString(),
      factoryShareMinor: plan.factoryShareMinor.toString(),
      entryId,
      movements: plan.movements.map((movement) => ({ ...movement, amountMinor: movement.amountMinor.toString() })),
    },
  });
  if (closes) await recordEvent(tx, dispute, { kind: "closed", actor: settlement.actor, at, fromStatus: decided, toStatus: status, details: { rootCause: settlement.rootCause } });
  return { dispute: updated, entryId };
}

/** Fills the organization's shortfalls from available first, then locks the case with its money (see money.ts). */
export async function lockCaseForSettlement(tx: Transaction, where: ReturnType<typeof eq>): Promise<Dispute> {
  const [found] = await tx.select({ organizationId: disputes.organizationId, currency: disputes.currency }).from(disputes).where(where);
  if (!found) throw new ActionError("not_found");
  await reserveDisputeShortfalls(tx, found.organizationId, found.currency);
  return (await lockCaseWithMoney(tx, where)).dispute;
}

/**
 * An agent decides an L1 or L2 case, a platform admin any case (L3 is a management decision). With a fresh second
 * factor: the decision moves money. Two decisions of one case at once: the second finds it decided.
 */
export const decideDisputeAction = defineAction({
  name: "disputes.decide",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  stepUp: true,
  input: z.object({
    disputeId: z.uuid(),
    outcome: z.enum(DISPUTE_OUTCOMES, "validation.choice"),
    buyerShare: z.string().trim().max(40).optional(),
    note: z.string().trim().min(1, "validation.required").max(MAX_NOTE_LENGTH),
    rootCause: z.enum(ROOT_CAUSES, "validation.choice").optional().or(z.literal("").transform(() => undefined)),
  }),
  async handler(ctx, input) {
    const dispute = await lockCaseForSettlement(ctx.tx, eq(disputes.id, input.disputeId));
    const refusal = decisionRefusal({ tier: dispute.tier, role: ctx.auth.user.staffRole! });
    if (refusal) throw new ActionError(refusal);
    if (!isUndecided(dispute.status)) throw new ActionError("dispute_case_decided");
    const buyerShareMinor = parseBuyerShare(dispute, input.outcome, input.buyerShare, ctx.request.locale);
    const at = await now(ctx.tx);
    const { dispute: decided, entryId } = await settleCase(
      ctx.tx,
      dispute,
      { outcome: input.outcome, buyerShareMinor, note: input.note, rootCause: input.rootCause, actor: { kind: "agent", userId: ctx.auth.user.id }, decidedBy: ctx.auth.user.id, locale: ctx.request.locale },
      at,
    );
    const currency = dispute.currency as CurrencyCode;
    ctx.audit(
      `dispute:${dispute.id}`,
      {
        number: dispute.number,
        tier: dispute.tier,
        outcome: input.outcome,
        buyerShare: `${currency} ${toDecimalString(decided.buyerShareMinor!, currency)}`,
        factoryShare: `${currency} ${toDecimalString(decided.factoryShareMinor!, currency)}`,
        rootCause: input.rootCause ?? null,
        entryId,
      },
      dispute.organizationId,
    );
    return { status: decided.status, entryId, buyerShareMinor: decided.buyerShareMinor!, factoryShareMinor: decided.factoryShareMinor! };
  },
});

/** A resolved case goes to the case library with its root cause. */
export const closeDisputeAction = defineAction({
  name: "disputes.close",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ disputeId: z.uuid(), rootCause: z.enum(ROOT_CAUSES, "validation.choice") }),
  async handler(ctx, input) {
    const dispute = await lockDispute(ctx.tx, eq(disputes.id, input.disputeId));
    const at = await now(ctx.tx);
    const status = nextStatus(dispute.status, "close", { now: at, rootCause: input.rootCause });
    await updateDispute(ctx.tx, dispute.id, { status, rootCause: input.rootCause, closedAt: at }, at);
    await recordEvent(ctx.tx, dispute, {
      kind: "closed",
      actor: { kind: "agent", userId: ctx.auth.user.id },
      at,
      fromStatus: dispute.status,
      toStatus: status,
      details: { rootCause: input.rootCause },
    });
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, rootCause: input.rootCause }, dispute.organizationId);
    return { status };
  },
});
