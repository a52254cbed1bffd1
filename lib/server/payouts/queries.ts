import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { feeCharges, payouts, users } from "@/db/schema";
import { isUuid } from "@/lib/domain/ledger";

const requester = alias(users, "requester");
const approver = alias(users, "approver");
const canceller = alias(users, "canceller");

const columns = {
  payout: payouts,
  requesterName: requester.name,
  approverName: approver.name,
  cancellerName: canceller.name,
};

function joined() {
  return db()
    .select(columns)
    .from(payouts)
    .leftJoin(requester, eq(requester.id, payouts.requestedBy))
    .leftJoin(approver, eq(approver.id, payouts.approvedBy))
    .leftJoin(canceller, eq(canceller.id, payouts.cancelledBy));
}

/** Payouts waiting for an owner's approval. */
export async function countAwaitingApproval(organizationId: string): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(payouts)
    .where(and(eq(payouts.organizationId, organizationId), eq(payouts.status, "requested")));
  return row?.n ?? 0;
}

/** One payout of the organization with its fee lines as charged, or null (another organization's too). */
export async function organizationPayout(organizationId: string, payoutId: string) {
  if (!isUuid(payoutId)) return null;
  const [row] = await joined().where(and(eq(payouts.organizationId, organizationId), eq(payouts.id, payoutId)));
  if (!row) return null;
  const fees = await db()
    .select({ type: feeCharges.type, basisMinor: feeCharges.basisMinor, rate: feeCharges.rate, amountMinor: feeCharges.amountMinor, reversedAt: feeCharges.reversedAt })
    .from(feeCharges)
    .where(eq(feeCharges.entryId, row.payout.entryId))
    .orderBy(asc(feeCharges.type));
  const { payout, ...names } = row;
  return { ...payout, ...names, fees };
}
