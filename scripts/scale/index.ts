import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { db, rawClient } from "@/db/client";
import { STANDARD_FEE_SCHEDULE } from "@/lib/domain/fees";
import { compactDashboard } from "@/lib/server/dashboard/compact";
import { loadRateBook } from "@/lib/server/fx/rates";
import { formatLedgerReport, verifyLedger } from "@/lib/server/ledger/verify";
import { planScaleCollections, recordScaleCollections } from "./collections";
import { createScaleJournal, writeScaleLedger } from "./ledger";
import { planScaleTreasury } from "./treasury";
import { createScaleInvoices } from "./invoices";
import { createScaleOrganization, SCALE_CURRENCIES } from "./organization";

/** Today's mid rate to CNY of every currency the scale buyers pay in, from the stored rates. */
async function storedCnyRates(): Promise<Record<string, string>> {
  const book = await loadRateBook(db());
  const rates: Record<string, string> = {};
  for (const currency of SCALE_CURRENCIES) {
    const rate = book.resolve(currency, "CNY");
    if (!rate) throw new Error(`No ${currency}/CNY rate stored: import rates first (npm run ops -- rates:import FILE_OR_URL)`);
    rates[currency] = rate.mid;
  }
  return rates;
}

export interface ScaleSeedResult {
  organizationId: string;
  slug: string;
  ownerEmail: string;
  ownerPassword: string;
  invoices: number;
  payments: number;
  conversions: number;
  payouts: number;
  seconds: Record<string, number>;
  ledger: string;
}

/**
 * A realistic factory with `invoices` invoices over three years, their payments, conversions, payouts and ledger history, written
 * set-based in one transaction (a failure leaves nothing behind); then the whole ledger is verified.
 */
export async function seedScale(input: {
  invoices: number;
  slug: string;
  today: string;
  /** Mid rates to CNY per buyer currency; the newest stored rates when absent. */
  cnyRates?: Record<string, string>;
  log?: (line: string) => void;
}): Promise<ScaleSeedResult> {
  const log = input.log ?? (() => {});
  const seconds: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[step] = Math.round(performance.now() - started) / 1000;
    log(`${step}: ${seconds[step]} s`);
    return result;
  };

  const cnyRates = input.cnyRates ?? (await storedCnyRates());

  const seeded = await db().transaction(async (tx) => {
    const sql = rawClient(tx);
    const organization = await timed("organization", () => createScaleOrganization(tx, { slug: input.slug, buyerCount: Math.min(400, Math.max(20, Math.round(input.invoices / 250))) }));
    const [owner] = await sql<{ id: string }[]>`select id from users where email = ${organization.ownerEmail}`;
    await timed("invoices", () =>
      createScaleInvoices(sql, { organizationId: organization.organizationId, userId: owner!.id, count: input.invoices, today: input.today, buyerCount: organization.buyerCount }),
    );
    const { payments, conversions, payouts } = await timed("payments, conversions, payouts and ledger", async () => {
      const pricing = { organizationId: organization.organizationId, schedule: STANDARD_FEE_SCHEDULE, cnyRates };
      await createScaleJournal(sql);
      const { payments } = await planScaleCollections(sql, pricing);
      const treasury = await planScaleTreasury(sql, { ...pricing, userId: owner!.id, today: input.today });
      await writeScaleLedger(sql, organization.organizationId);
      await recordScaleCollections(sql, organization.organizationId);
      await treasury.record();
      return { payments, conversions: treasury.conversions, payouts: treasury.payouts };
    });
    await timed("analyze", () => sql`analyze`);
    return { ...organization, payments, conversions, payouts };
  });

  // The triggers wrote the dashboard's aggregates as one delta row per change; fold them as the job would, then
  // reclaim the folded rows' space (as autovacuum would, later) so that the first reads do not wade through it.
  await timed("dashboard compaction", async () => {
    await compactDashboard(db());
    await db().execute(sql`vacuum analyze dashboard_receivables, dashboard_lateness, dashboard_daily, dashboard_fees`);
  });
  const report = await timed("ledger verify", () => verifyLedger(db()));
  if (report.failures.length > 0) throw new Error(`The ledger does not verify after the scale seed:\n${formatLedgerReport(report)}`);
  return {
    organizationId: seeded.organizationId,
    slug: seeded.slug,
    ownerEmail: seeded.ownerEmail,
    ownerPassword: seeded.ownerPassword,
    invoices: input.invoices,
    payments: seeded.payments,
    conversions: seeded.conversions,
    payouts: seeded.payouts,
    seconds,
    ledger: formatLedgerReport(report),
  };
}
