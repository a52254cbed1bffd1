import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { incomingPayments } from "@/db/schema";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import { reverseEntry } from "../ledger/reverse";

export type ReversalOutcome =
  /** The earlier credit was still unapplied: its receipt is reversed and the payment marked reversed. */
  | "reversed"
  /** Already reversed by an earlier import of the same statement: nothing to do. */
  | "already_reversed"
  /** Needs a person: no earlier credit with this bank reference, another amount, or money already matched. */
  | "flagged";

/**
 * A bank reversing an earlier credit (camt RvslInd on a debit, MT940 `RC`) names it by the same bank reference.
 * While that money is still unapplied the receipt is undone (reversal entry `receipt-reversal:<paymentId>`);
 * once any of it is matched the reversal is only flagged, since unwinding matches is a finance decision.
 */
export async function reverseReceipt(
  tx: Transaction,
  input: { organizationId: string; accountIdentifier: string; bankRef: string; amountMinor: bigint; userId: string | null },
): Promise<ReversalOutcome> {
  const [payment] = await tx
    .select()
    .from(incomingPayments)
    .where(
      and(
        eq(incomingPayments.organizationId, input.organizationId),
        eq(incomingPayments.accountIdentifier, input.accountIdentifier),
        eq(incomingPayments.bankRef, input.bankRef),
      ),
    )
    .for("update");
  if (!payment || payment.amountMinor !== input.amountMinor || !payment.receiptEntryId) return "flagged";
  if (payment.matchStatus === "reversed") return "already_reversed";
  if (payment.matchStatus !== "unmatched" || payment.unappliedMinor !== payment.amountMinor) return "flagged";
  await reverseEntry(tx, {
    organizationId: input.organizationId,
    entryId: payment.receiptEntryId,
    idempotencyKey: `receipt-reversal:${payment.id}`,
    reason: describeEntry("receiptReversed", { bankRef: input.bankRef }),
    createdBy: input.userId,
  });
  await tx
    .update(incomingPayments)
    .set({ matchStatus: "reversed", unappliedMinor: sql`0` })
    .where(eq(incomingPayments.id, payment.id));
  return "reversed";
}
