import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { disputes, ledgerAccounts } from "@/db/schema";
import { movementLines, reserveMovements, type DisputeOutcome, type Movement } from "@/lib/domain/disputes";
import { LedgerError } from "@/lib/domain/ledger";
import { describeEntry, type EntryDescriptionKey } from "@/lib/domain/ledger/descriptions";
import { formatMoney, toDecimalString, type CurrencyCode, type Locale } from "@/lib/domain/money";
import { ActionError } from "../guard/action-error";
import { postEntry } from "../ledger";
import { recordEvent, type CaseActor, type Dispute } from "./case";

/**
 * The organization's available balance in `currency`, its account row locked for the rest of the transaction.
 * Every dispute path that moves a case's money takes this lock before it locks case rows (and the ledger locks
 * its accounts after it), so reserving, filling shortfalls and deciding never wait on each other in a circle.
 */
export async function lockAvailable(tx: Transaction, organizationId: string, currency: string): Promise<bigint> {
  const [account] = await tx
    .select({ balanceMinor: ledgerAccounts.balanceMinor })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.organizationId, organizationId), eq(ledgerAccounts.kind, "available"), eq(ledgerAccounts.currency, currency)))
    .for("update");
  return account?.balanceMinor ?? 0n;
}

/** Takes the available lock of a case's organization and currency, then locks the case (see lockAvailable). */
export async function lockCaseWithMoney(tx: Transaction, where: ReturnType<typeof and>): Promise<{ dispute: Dispute; availableMinor: bigint }> {
  const [found] = await tx.select({ organizationId: disputes.organizationId, currency: disputes.currency }).from(disputes).where(where);
  if (!found) throw new ActionError("not_found");
  const availableMinor = await lockAvailable(tx, found.organizationId, found.currency);
  const [dispute] = await tx.select().from(disputes).where(where).for("update");
  if (!dispute) throw new ActionError("not_found");
  return { dispute, availableMinor };
}

const shown = (amountMinor: bigint, currency: string) => `${currency} ${toDecimalString(amountMinor, currency as CurrencyCode)}`;

/**
 * Moves `amountMinor` of available into reserved for the case and records it in the history. The idempotency key
 * names the case's reserve total after the move, which only grows while the case is open: each step posts once.
 */
export async function reserveForCase(
  tx: Transaction,
  dispute: Pick<Dispute, "id" | "organizationId" | "number" | "currency" | "reservedMinor">,
  amountMinor: bigint,
  actor: CaseActor,
  at: Date,
  kind: "reserved" | "shortfall_reserved",
): Promise<string | null> {
  const lines = movementLines(reserveMovements(amountMinor), dispute.organizationId, dispute.currency as CurrencyCode);
  if (lines.length === 0) return null;
  const totalAfter = dispute.reservedMinor + amountMinor;
  const { entryId } = await postEntry(tx, {
    organizationId: dispute.organizationId,
    idempotencyKey: `dispute:${dispute.id}:reserve:${totalAfter}`,
    type: "dispute_reserve",
    description: describeEntry("disputeHold", { number: dispute.number, amount: shown(amountMinor, dispute.currency) }),
    cause: { type: "dispute", id: dispute.id },
    createdBy: actor.userId,
    lines,
  });
  await recordEvent(tx, dispute, { kind, actor, at, details: { amountMinor: amountMinor.toString(), reservedMinor: totalAfter.toString(), entryId } });
  return entryId;
}

const DECISION_DESCRIPTIONS = {
  won: "disputeWon",
  lost: "disputeLost",
  partial: "disputePartial",
  withdrawn: "disputeWithdrawn",
} as const satisfies Record<DisputeOutcome, EntryDescriptionKey>;

/** Posts a decision's movements as one entry (key `dispute:<id>:decision`); null when nothing moves. */
export async function postDecision(
  tx: Transaction,
  dispute: Pick<Dispute, "id" | "organizationId" | "number" | "currency">,
  movements: readonly Movement[],
  outcome: DisputeOutcome,
  createdBy: string | null,
  locale: Locale,
): Promise<string | null> {
  const lines = movementLines(movements, dispute.organizationId, dispute.currency as CurrencyCode);
  if (lines.length === 0) return null;
  try {
    const { entryId } = await postEntry(tx, {
      organizationId: dispute.organizationId,
      idempotencyKey: `dispute:${dispute.id}:decision`,
      type: "dispute_decision",
      description: describeEntry(DECISION_DESCRIPTIONS[outcome], { number: dispute.number }),
      cause: { type: "dispute", id: dispute.id },
      createdBy,
      lines,
    });
    return entryId;
  } catch (error) {
    // What the decision takes from available (an unfilled shortfall, the chargeback fee) is not there yet.
    if (error instanceof LedgerError && error.code === "insufficient_funds") {
      const [available] = await tx.execute<{ balance: string }>(
        sql`select coalesce(sum(balance_minor), 0)::text as balance from ledger_accounts
             where organization_id = ${dispute.organizationId} and kind = 'available' and currency = ${dispute.currency}`,
      );
      throw new ActionError("dispute_insufficient_available", {
        available: formatMoney(BigInt(available?.balance ?? "0"), dispute.currency as CurrencyCode, locale, { display: "code" }),
      });
    }
    throw error;
  }
}
