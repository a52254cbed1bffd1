import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sandboxBankPayouts } from "@/db/schema";
import type { PayoutBankStatus, PayoutContext, PayoutOrder } from "./adapter";

export type SandboxPayoutOutcome = "failed" | "returned";

const DEFAULT_SETTLE_DELAY_MINUTES = 5;

/** PAYOUT_SETTLE_DELAY_MINUTES: how long a standard payout stays in transit at the sandbox bank (default 5). */
export function payoutSettleDelayMs(): number {
  const raw = process.env.PAYOUT_SETTLE_DELAY_MINUTES;
  if (raw === undefined || raw === "") return DEFAULT_SETTLE_DELAY_MINUTES * 60_000;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < 0) throw new Error(`PAYOUT_SETTLE_DELAY_MINUTES=${raw} is not a number of minutes ≥ 0`);
  return Math.round(minutes * 60_000);
}

/** The sandbox's transfer reference, derived from the payout so that sending twice gives the same one. */
export function sandboxPayoutReference(payoutId: string): string {
  return `QSBXP${createHash("sha256").update(payoutId).digest("hex").slice(0, 14).toUpperCase()}`;
}

/** Accepts the transfer once per payout: expedited settles at once, standard after the configured delay. */
export async function sendSandboxPayout(order: PayoutOrder, context: PayoutContext): Promise<{ reference: string }> {
  const reference = sandboxPayoutReference(order.payoutId);
  const delay = order.speed === "expedited" ? 0 : payoutSettleDelayMs();
  await context.tx
    .insert(sandboxBankPayouts)
    .values({
      payoutId: order.payoutId,
      reference,
      currency: order.currency,
      amountMinor: order.amountMinor,
      acceptedAt: context.now,
      settlesAt: new Date(context.now.getTime() + delay),
    })
    .onConflictDoNothing({ target: sandboxBankPayouts.payoutId });
  return { reference };
}

/** An outcome the sandbox was told to report wins; otherwise the transfer is paid once its time has come. */
export async function sandboxPayoutStatus(reference: string, context: PayoutContext): Promise<PayoutBankStatus> {
  const [row] = await context.tx.select().from(sandboxBankPayouts).where(eq(sandboxBankPayouts.reference, reference));
  if (!row) throw new Error(`sandbox bank: no transfer ${reference}`);
  if (row.outcome === "failed" || row.outcome === "returned") return { state: row.outcome, reason: row.reason ?? "" };
  return row.settlesAt <= context.now ? { state: "paid", at: row.settlesAt } : { state: "in_transit" };
}

/**
 * Tells the sandbox bank to report a transfer it accepted as failed or returned, with the bank's reason (for demos
 * and tests). Returns false when it holds no such transfer or was told already.
 */
export async function instructSandboxPayout(executor: Executor, payoutId: string, outcome: SandboxPayoutOutcome, reason: string): Promise<boolean> {
  const rows = await executor
    .update(sandboxBankPayouts)
    .set({ outcome, reason })
    .where(and(eq(sandboxBankPayouts.payoutId, payoutId), isNull(sandboxBankPayouts.outcome)))
    .returning({ payoutId: sandboxBankPayouts.payoutId });
  return rows.length > 0;
}
