import { db } from "@/db/client";
import { formatAmount } from "@/lib/domain/money";
import type { SandboxPayoutOutcome } from "@/lib/server/banking/sandbox-payouts";
import { now } from "@/lib/server/clock";
import { ActionError } from "@/lib/server/guard/action-error";
import { lockPayout } from "@/lib/server/payouts/lifecycle";
import { applySandboxOutcome } from "@/lib/server/payouts/sandbox-control";
import type { OpsCommand } from "./command";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tells the sandbox bank to fail or return payout ID with the bank's reason, and records it: the payout's entry is
 * reversed so the amount and its fees are available again. 1 when refused (not found, already paid, not the sandbox).
 */
export async function payoutOutcome(
  outcome: SandboxPayoutOutcome,
  args: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const at = args.indexOf("--reason");
  const reason = at === -1 ? undefined : args[at + 1]?.trim();
  const id = args.find((arg, i) => !arg.startsWith("--") && i !== at + 1);
  if (!id || !UUID.test(id) || !reason || reason.length > 200) {
    err(`Usage: npm run ops -- payout:${outcome === "failed" ? "fail" : "return"} ID --reason TEXT (at most 200 characters)`);
    return 1;
  }
  try {
    const payout = await db().transaction(async (tx) => {
      const locked = await lockPayout(tx, id);
      if (!locked) throw new ActionError("payout_not_found");
      return applySandboxOutcome(tx, locked, outcome, reason, await now(tx));
    });
    out(`Payout ${payout.id} ${payout.status}: ${formatAmount(payout.amountMinor, payout.currency, "en")} ${payout.currency} is available again (reason: ${payout.failureReason}).`);
    return 0;
  } catch (error) {
    if (error instanceof ActionError) {
      err(`Refused: ${error.code}`);
      return 1;
    }
    throw error;
  }
}

export const payoutFailCommand: OpsCommand = {
  name: "payout:fail",
  usage: "payout:fail ID --reason TEXT",
  summary: "Sandbox bank: fail a payout (sent first if only approved); the amount and fees go back to available",
  needsDatabase: true,
  run: (args) => payoutOutcome("failed", args),
};

export const payoutReturnCommand: OpsCommand = {
  name: "payout:return",
  usage: "payout:return ID --reason TEXT",
  summary: "Sandbox bank: return a sent payout; the amount and fees go back to available",
  needsDatabase: true,
  run: (args) => payoutOutcome("returned", args),
};
