import { localDateOf } from "@/lib/domain/time/local-day";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { exposureSettings, invoiceInstalments, invoices, ledgerAccounts, type organizations } from "@/db/schema";
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
import { loadRateBook } from "../fx/rates";

type Organization = typeof organizations.$inferSelect;

const OPEN = ["open", "partially_paid"] as const;

/**
 * What open invoices still owe, per currency and due date: instalments still open or partly paid of invoices still
 * open or partly paid (drafts, paid and void ones owe nothing), each counted as amount − paid.
 */
export async function openReceivables(executor: Executor, organizationId: string): Promise<OpenReceivable[]> {
  const rows = await executor
    .select({
      currency: invoices.currency,
      dueDate: invoiceInstalments.dueDate,
      outstanding: sql<string>`sum(${invoiceInstalments.amountMinor} - ${invoiceInstalments.paidMinor})::text`,
    })
    .from(invoiceInstalments)
    .innerJoin(invoices, eq(invoices.id, invoiceInstalments.invoiceId))
    .where(
      and(
        eq(invoiceInstalments.organizationId, organizationId),
        eq(invoices.organizationId, organizationId),
        inArray(invoices.status, [...OPEN]),
        inArray(invoiceInstalments.status, [...OPEN]),
      ),
    )
    .groupBy(invoices.currency, invoiceInstalments.dueDate);
  return rows.map((row) => ({ currency: row.currency, dueDate: row.dueDate, outstandingMinor: BigInt(row.outstanding) }));
}

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
    receivables?: OpenReceivable[];
    book?: RateBook;
    /** Only this currency's receivables and balances. */
    currency?: string | null;
  } = {},
) {
  const executor = options.executor ?? db();
  const now = options.now ?? new Date();
  const only = <T extends { currency: string }>(rows: T[]) => (options.currency ? rows.filter((row) => row.currency === options.currency) : rows);
  const [allReceivables, allBalances, settings, book] = await Promise.all([
    options.receivables ?? openReceivables(executor, organization.id),
    heldBalances(executor, organization.id),
    loadExposureSettings(executor, organization.id),
    options.book ?? loadRateBook(executor),
  ]);
  const receivables = only(allReceivables);
  const balances = only(allBalances);
  const maxAgeMs = maxRateAgeMs();
  const rates = cnyRates(book, [...receivables.map((r) => r.currency), ...balances.map((b) => b.currency)], now, maxAgeMs);
  const today = localDateOf(now, organization.timezone);
  const exposure = computeExposure({ receivables, balances, rates, today });
  const priced: PricedReceivables[] = exposure.currencies.flatMap((row) =>
    row.rate.status === "fresh" && row.receivablesMinor !== 0n ? [{ currency: row.currency, amountMinor: row.receivablesMinor, mid: row.rate.mid }] : [],
  );
  const basis = marginBasis(settings);
  return { today, maxAgeHours: Math.round(maxAgeMs / 3_600_000), exposure, sensitivity: computeSensitivity(priced, basis), settings, basis };
}

export type OrganizationExposure = Awaited<ReturnType<typeof organizationExposure>>;
