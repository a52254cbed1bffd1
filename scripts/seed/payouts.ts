import type { Transaction } from "@/db/client";
import { fromDecimalString } from "@/lib/domain/money";
import { startOfLocalDay } from "@/lib/domain/time/local-day";
import { sandboxBankAdapter } from "@/lib/server/banking/sandbox";
import { instructSandboxPayout, payoutSettleDelayMs } from "@/lib/server/banking/sandbox-payouts";
import { createPayout } from "@/lib/server/payouts/create";
import { lockPayout, sendLockedPayout, settleLockedPayout } from "@/lib/server/payouts/lifecycle";
import type { FoundationSeed } from "./foundation";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Haiguang's payouts through the sandbox bank, each made by the payout code itself: a standard USD payout within
 * the approval threshold, paid last week; an expedited EUR payout the beneficiary bank returned (closed account);
 * an expedited USD payout above the threshold that the finance member requested yesterday evening and that waits
 * for the owner's approval.
 */
export async function seedPayouts(tx: Transaction, seed: FoundationSeed): Promise<void> {
  const organizationId = seed.factory.id;
  const finance = seed.userIds.finance;
  const now = Date.now();

  const paidAt = new Date(now - 6 * DAY);
  const paid = await createPayout(tx, {
    organizationId,
    currency: "USD",
    amountMinor: fromDecimalString("2500.00", "USD"),
    speed: "standard",
    origin: { kind: "on_demand", requestedBy: finance },
    now: paidAt,
  });
  const sent = await sendLockedPayout(tx, (await lockPayout(tx, paid.payoutId))!, sandboxBankAdapter, paidAt);
  await settleLockedPayout(tx, sent, sandboxBankAdapter, new Date(paidAt.getTime() + payoutSettleDelayMs()));

  const returnedAt = new Date(now - 3 * DAY);
  const returned = await createPayout(tx, {
    organizationId,
    currency: "EUR",
    amountMinor: fromDecimalString("2000.00", "EUR"),
    speed: "expedited",
    origin: { kind: "on_demand", requestedBy: finance },
    now: returnedAt,
  });
  const inTransit = await sendLockedPayout(tx, (await lockPayout(tx, returned.payoutId))!, sandboxBankAdapter, returnedAt);
  await instructSandboxPayout(tx, inTransit.id, "returned", "AC04 Closed account number: the beneficiary bank returned the transfer");
  await settleLockedPayout(tx, inTransit, sandboxBankAdapter, new Date(returnedAt.getTime() + 2 * HOUR));

  await createPayout(tx, {
    organizationId,
    currency: "USD",
    amountMinor: fromDecimalString("3500.00", "USD"),
    speed: "expedited",
    origin: { kind: "on_demand", requestedBy: finance },
    now: new Date(startOfLocalDay(new Date(now)).getTime() - 3 * HOUR),
  });
}
