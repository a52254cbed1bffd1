import { localDateOf } from "@/lib/domain/time/local-day";
import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { exposureSettings, ledgerAccounts, type organizations } from "@/db/schema";
import {
  cnyRates,
  computeExposure,
  computeSensitivity,
  marginBasis,
  type HeldBalance,
  type OpenReceivable,
  type PricedReceivables,
} from "@/lib/domain/exposure";
import { maxRateAgeMs } from "../fx/config";
import type { RateBook } from "@/lib/domain/fx/rates";
import { receivableSummary } from "../dashboard/aggregates";
import { loadRateBook } from "../fx/rates";

type Organization = typeof organizations.$inferSelect;

/** Everything the organization holds per currency, over all its account kinds (available, pending, reserved, unapplied, buyer credit). */
export async function heldBalances(executor: Executor, organizationId: string): Promise<HeldBalance[]> {
  const rows = await executor
    .select({ currency: ledgerAccounts.currency, amount: sql<string>`sum(${ledgerAccounts.balanceMinor})::text` })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.organizationId, organizationId))
    .groupBy(ledgerAccounts.currency);
  return rows.map((row) => ({ currency: row.currency, amountMinor: BigInt(row.amount) }));
}

export async function loadExposureSettings(executor: Executor, organizationId: string) {
  const [row] = await executor
    .select({ targetMarginBps: exposureSettings.targetMarginBps, costBaseCnyMinor: exposureSettings.costBaseCnyMinor, updatedAt: exposureSettings.updatedAt })
    .from(exposureSettings)
    .where(eq(exposureSettings.organizationId, organizationId));
  return row ?? null;
}

/**
 * The exposure view of one organization: receivables and balances per currency at today's rates (a rate older than
 * FX_RATE_MAX_AGE_HOURS counts as missing, as for quotes), by due month, and the sensitivity of the receivables'
 * CNY proceeds to moves of CNY, with margins where the organization gave a basis.
 */
export async function organizationExposure(
  organization: Pick<Organization, "id" | "timezone">,
  options: {
    now?: Date;
    executor?: Executor;
    /** Already known (the dashboard reads them from its aggregate), with the rate book it loaded. */
    receivables?: readonly OpenReceivable[];
    book?: RateBook;
    /** Only this currency's receivables and balances. */
    currency?: string | null;
  } = {},
) {
  const executor = options.executor ?? db();
  const now = options.now ?? new Date();
  const today = localDateOf(now, organization.timezone);
  const only = <T extends { currency: string }>(rows: readonly T[]) => (options.currency ? rows.filter((row) => row.currency === options.currency) : rows);
  const [allReceivables, allBalances, settings, book] = await Promise.all([
    options.receivables ?? receivableSummary(executor, organization.id, { currency: null, buyerId: null }, today).then((summary) => summary.byDueClass),
    heldBalances(executor, organization.id),
    loadExposureSettings(executor, organization.id),
    options.book ?? loadRateBook(executor),
  ]);
  const receivables = only(allReceivables);
  const balances = only(allBalances);
  const maxAgeMs = maxRateAgeMs();
  const rates = cnyRates(book, [...receivables.map((r) => r.currency), ...balances.map((b) => b.currency)], now, maxAgeMs);
  const exposure = computeExposure({ receivables, balances, rates, today });
  const priced: PricedReceivables[] = exposure.currencies.flatMap((row) =>
    row.rate.status === "fresh" && row.receivablesMinor !== 0n ? [{ currency: row.currency, amountMinor: row.receivablesMinor, mid: row.rate.mid }] : [],
  );
  const basis = marginBasis(settings);
  return { today, maxAgeHours: Math.round(maxAgeMs / 3_600_000), exposure, sensitivity: computeSensitivity(priced, basis), settings, basis };
}

export type OrganizationExposure = Awaited<ReturnType<typeof organizationExposure>>;
