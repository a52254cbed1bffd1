import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { disputes } from "@/db/schema";
import { DISPUTE_STATUSES, fillShortfalls, isUndecided } from "@/lib/domain/disputes";
import { now } from "../clock";
import { auditSystemChange, SYSTEM, updateDispute } from "./case";
import { lockAvailable, reserveForCase } from "./money";

const UNDECIDED = DISPUTE_STATUSES.filter(isUndecided);

export interface ShortfallFill {
  disputeId: string;
  reservedMinor: bigint;
  remainingShortfallMinor: bigint;
}

/**
 * Reserves open cases' outstanding shortfalls in `currency` from the organization's available balance, oldest case
 * first: money that came in is held for the disputes before anything else may take it. Settlement and payouts call
 * this in their transaction before they move available money; the disputes timer job calls it every minute.
 * Locks the available account, then the cases (the order every dispute path keeps). Returns what each case got.
 */
export async function reserveDisputeShortfalls(tx: Transaction, organizationId: string, currency: string): Promise<ShortfallFill[]> {
  const availableMinor = await lockAvailable(tx, organizationId, currency);
  if (availableMinor <= 0n) return [];
  const short = await tx
    .select()
    .from(disputes)
    .where(and(eq(disputes.organizationId, organizationId), eq(disputes.currency, currency), gt(disputes.reserveShortfallMinor, 0n), inArray(disputes.status, UNDECIDED)))
    .orderBy(asc(disputes.openedAt), asc(disputes.id))
    .for("update");
  if (short.length === 0) return [];
  const { fills } = fillShortfalls(
    short.map((dispute) => ({ caseId: dispute.id, shortfallMinor: dispute.reserveShortfallMinor })),
    availableMinor,
  );
  const at = await now(tx);
  const byId = new Map(short.map((dispute) => [dispute.id, dispute]));
  const result: ShortfallFill[] = [];
  for (const fill of fills) {
    const dispute = byId.get(fill.caseId)!;
    await reserveForCase(tx, dispute, fill.reserveMinor, SYSTEM, at, "shortfall_reserved");
    await updateDispute(tx, dispute.id, { reservedMinor: dispute.reservedMinor + fill.reserveMinor, reserveShortfallMinor: fill.remainingShortfallMinor }, at);
    await auditSystemChange(tx, dispute, "disputes.reserveShortfall", {
      number: dispute.number,
      reservedMinor: fill.reserveMinor.toString(),
      remainingShortfallMinor: fill.remainingShortfallMinor.toString(),
      currency,
    });
    result.push({ disputeId: dispute.id, reservedMinor: fill.reserveMinor, remainingShortfallMinor: fill.remainingShortfallMinor });
  }
  return result;
}
