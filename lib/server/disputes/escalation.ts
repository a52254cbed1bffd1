import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { disputes } from "@/db/schema";
import { cnyEquivalent } from "@/lib/domain/fx/quote";
import { escalationFor, newBreaches, type Escalation, type EscalationRules } from "@/lib/domain/disputes";
import type { CurrencyCode } from "@/lib/domain/money";
import { loadRateBook } from "../fx/rates";
import { recordEvent, SYSTEM, timelineOf, timersAfter, updateDispute, type CaseActor, type Dispute } from "./case";
import { escalationRules } from "./settings";

/**
 * Moves the case up to `escalation.to`: the new tier's timers start now, its breach flags start clear, and the
 * history keeps every reason. Returns the case as it now is.
 */
export async function applyEscalation(tx: Transaction, dispute: Dispute, escalation: Escalation, actor: CaseActor, at: Date, rules?: EscalationRules): Promise<Dispute> {
  const agentReason = escalation.reasons.find((reason) => reason.kind === "agent");
  const updated = await updateDispute(
    tx,
    dispute.id,
    {
      tier: escalation.to,
      tierEnteredAt: at,
      escalatedAt: at,
      escalationReason: agentReason?.kind === "agent" ? agentReason.reason : [...new Set(escalation.reasons.map((reason) => reason.kind))].join(", "),
      firstResponseBreached: false,
      resolutionBreached: false,
      ...timersAfter(dispute, { tier: escalation.to, tierEnteredAt: at }, rules?.serviceLevels),
    },
    at,
  );
  await recordEvent(tx, dispute, {
    kind: "escalated",
    actor,
    at,
    fromTier: escalation.from,
    toTier: escalation.to,
    details: { automatic: actor.kind === "system", reasons: escalation.reasons.map((reason) => jsonSafe(reason)) },
  });
  return updated;
}

function jsonSafe(reason: Escalation["reasons"][number]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(reason).map(([key, value]) => [key, typeof value === "bigint" ? value.toString() : value]));
}

/** The disputed amount in CNY at the newest rate, or null when there is no rate (the amount rule then does not apply). */
async function disputedCny(tx: Transaction, dispute: Dispute): Promise<bigint | null> {
  if (dispute.currency === "CNY") return dispute.disputedMinor;
  const rate = (await loadRateBook(tx)).resolve(dispute.currency, "CNY");
  return rate ? cnyEquivalent(dispute.disputedMinor, dispute.currency as CurrencyCode, rate.mid) : null;
}

async function buyerCasesOpenedAt(tx: Transaction, dispute: Dispute): Promise<Date[]> {
  const rows = await tx
    .select({ openedAt: disputes.openedAt })
    .from(disputes)
    .where(and(eq(disputes.organizationId, dispute.organizationId), eq(disputes.buyerId, dispute.buyerId)));
  return rows.map((row) => row.openedAt);
}

/**
 * The timers and rules applied to one locked, undecided case at `at`: newly missed deadlines are flagged and counted
 * (history: `breached`), then the escalation rules (breach, amount, repeated buyer) may move it up a tier.
 */
export async function applyRules(tx: Transaction, dispute: Dispute, at: Date): Promise<Dispute> {
  const rules = await escalationRules(tx);
  let current = dispute;
  const missed = newBreaches(timelineOf(current), { firstResponse: current.firstResponseBreached, end: current.resolutionBreached }, at, rules.serviceLevels);
  if (missed.length > 0) {
    current = await updateDispute(
      tx,
      current.id,
      {
        firstResponseBreached: current.firstResponseBreached || missed.includes("first_response"),
        resolutionBreached: current.resolutionBreached || missed.some((kind) => kind !== "first_response"),
        breachedAt: current.breachedAt ?? at,
        breachCount: current.breachCount + missed.length,
      },
      at,
    );
    for (const kind of missed) await recordEvent(tx, current, { kind: "breached", actor: SYSTEM, at, details: { deadline: kind, tier: current.tier } });
  }
  const escalation = escalationFor(
    timelineOf(current),
    { disputedCnyMinor: await disputedCny(tx, current), buyerCasesOpenedAt: await buyerCasesOpenedAt(tx, current), rules },
    at,
  );
  return escalation ? applyEscalation(tx, current, escalation, SYSTEM, at, rules) : current;
}
