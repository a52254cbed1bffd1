import { db, type Executor, type Transaction } from "@/db/client";
import { statementImportFee } from "@/lib/domain/fees";
import { isLedgerError } from "@/lib/domain/ledger";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import type { CurrencyCode } from "@/lib/domain/money";
import { feeRevenueLine, recordFeeCharges } from "../fees/charges";
import { chinaDate } from "../fees/collection-volumes";
import { feeScheduleOn } from "../fees/schedules";
import { postEntry } from "../ledger";

/**
 * What one imported statement would be charged per currency under the organization's fee schedule in effect at
 * `at` (China date, as the charge is priced), currencies in alphabetical order; empty when the schedule charges none.
 */
export async function statementImportFeesOn(
  organizationId: string,
  at: Date = new Date(),
  executor: Executor = db(),
): Promise<{ currency: CurrencyCode; amountMinor: bigint }[]> {
  const schedule = await feeScheduleOn(organizationId, chinaDate(at), executor);
  return (Object.entries(schedule.statementImportFixed) as [CurrencyCode, bigint | undefined][])
    .filter((entry): entry is [CurrencyCode, bigint] => entry[1] !== undefined && entry[1] > 0n)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/**
 * The schedule's fixed fee for a completed statement import, once per import and currency of the organization's
 * collection accounts the file carried: available → the platform's fee revenue, key
 * `statement-import-fee:<importId>:<currency>`. A fee is never taken by overdrawing: when the available balance
 * cannot cover it, that currency's fee is not charged. Returns the currencies charged.
 */
export async function chargeStatementImportFee(
  tx: Transaction,
  input: { organizationId: string; importId: string; currencies: readonly string[]; createdBy: string | null; at?: Date },
): Promise<string[]> {
  const schedule = await feeScheduleOn(input.organizationId, chinaDate(input.at ?? new Date()), tx);
  const charged: string[] = [];
  for (const currency of [...new Set(input.currencies)].sort()) {
    const lines = statementImportFee(schedule, { currency: currency as CurrencyCode });
    if (lines.length === 0) continue;
    const revenue = feeRevenueLine(currency as CurrencyCode, lines);
    let posted;
    try {
      posted = await postEntry(tx, {
        organizationId: input.organizationId,
        idempotencyKey: `statement-import-fee:${input.importId}:${currency}`,
        type: "statement_import_fee",
        description: describeEntry("statementImportFee"),
        cause: { type: "statement_import", id: input.importId },
        createdBy: input.createdBy,
        lines: [{ account: { organizationId: input.organizationId, kind: "available", currency: currency as CurrencyCode }, amountMinor: -revenue[0]!.amountMinor }, ...revenue],
      });
    } catch (error) {
      if (isLedgerError(error, "insufficient_funds")) continue;
      throw error;
    }
    // A run after a crash replays the entry: its charges were recorded with it.
    if (!posted.replayed) await recordFeeCharges(tx, { organizationId: input.organizationId, entryId: posted.entryId, lines });
    charged.push(currency);
  }
  return charged;
}
