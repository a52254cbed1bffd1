import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { closeDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { organizationDisputeListSchema } from "../lib/domain/disputes/list-search";
import { invoiceSearchSchema } from "../lib/domain/invoices/list-search";
import { paymentSearchSchema } from "../lib/domain/payments/list-search";
import { payoutSearchSchema } from "../lib/domain/payouts/list-search";
import { localDateOf } from "../lib/domain/time/local-day";
import { factoryDashboard } from "../lib/server/dashboard/factory";
import { dashboardFilters, dashboardSearchSchema } from "../lib/server/dashboard/filters";
import { auditFilterSchema, queryAuditLog } from "../lib/server/audit/queries";
import { organizationDisputePage } from "../lib/server/disputes/queries";
import { listInvoices } from "../lib/server/invoices/list";
import { listPayments } from "../lib/server/matching/payment-list";
import { listPayoutPage } from "../lib/server/payouts/list";
import { ensureAuthSecret } from "../scripts/auth-secret";
import { dropDatabase, ensureDatabase } from "../scripts/database";
import { ensureBuilt } from "../scripts/ensure-built";
import { seedScale } from "../scripts/scale";
import { seedDemoIfEmpty } from "../scripts/seed";
import { benchServer } from "./support/bench-database";
import { HttpSession, startProductionServer } from "./support/http-session";

/*
 * Server render time of the factory dashboard and of the invoice list's first page, for an organization of
 * BENCH_DASHBOARD_SMALL (10,000) and one of BENCH_DASHBOARD_LARGE (1,000,000) invoices in the same database, served
 * by the production build; the sign-in page, which reads nothing, is the baseline. Each page: a few warm-up
 * requests, then BENCH_DASHBOARD_REQUESTS (30) timed sequential GETs of the whole HTML.
 */

const SMALL = Number(process.env.BENCH_DASHBOARD_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_DASHBOARD_LARGE ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 30);
const WARM_UP = 5;
const PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 3947);

interface Timing {
  p50: number;
  p95: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** `mustContain`: a string only the signed-in page holds, so that a sign-in form or an error page is never timed. */
async function timePage(session: HttpSession, page: string, mustContain?: string): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const started = performance.now();
    const response = await session.request(page);
    const html = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${page} answered ${response.status} ${response.headers.get("location") ?? ""}`);
    if (html.length === 0 || (mustContain && !html.includes(mustContain))) throw new Error(`GET ${page} did not render the page (${html.length} bytes)`);
    if (i >= WARM_UP) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Rows": number; "Actual Loops": number; "Shared Hit Blocks": number; "Shared Read Blocks": number; Plans?: PlanNode[] };

function seqScans(node: PlanNode): string[] {
  const own = node["Node Type"] === "Seq Scan" ? [`${node["Relation Name"]} (${node["Actual Rows"] * node["Actual Loops"]} rows)`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

type Read = (executor: ReturnType<typeof drizzle<typeof schema>>) => Promise<unknown>;

/** EXPLAIN (ANALYZE, BUFFERS) of every statement `read` runs: top node, time, buffers, sequential scans. */
async function explainReads(url: string, read: Read): Promise<string[]> {
  const client = postgres(url, { max: 1, onnotice: () => {}, types: { bigint: postgres.BigInt } });
  try {
    const statements: { query: string; params: unknown[] }[] = [];
    const logged = drizzle(client, { schema, logger: { logQuery: (query, params) => statements.push({ query, params }) } });
    await read(logged);
    const lines: string[] = [];
    for (const { query, params } of statements) {
      const [row] = await client.unsafe<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }[]>(
        `explain (analyze, buffers, format json) ${query}`,
        params as postgres.ParameterOrJSON<never>[],
      );
      const [{ Plan: plan, "Execution Time": ms }] = row!["QUERY PLAN"];
      const scans = seqScans(plan);
      const tables = [...query.matchAll(/\bfrom\s+"?(\w+)"?/gi)].map((match) => match[1]).join(", ");
      lines.push(
        `  ${ms.toFixed(2).padStart(8)} ms  ${plan["Node Type"]} → ${plan["Actual Rows"]} rows, buffers ${plan["Shared Hit Blocks"]} hit ${plan["Shared Read Blocks"]} read` +
          `  [${tables}]${scans.length > 0 ? `  seq scans: ${scans.join(", ")}` : ""}`,
      );
    }
    return lines;
  } finally {
    await client.end();
  }
}

/** The first page of every list of the organization, as its page asks for it. */
function listReads(organizationId: string, today: string): Record<string, Read> {
  return {
    invoices: (executor) => listInvoices(organizationId, invoiceSearchSchema.parse({}), 50, executor, today),
    "payments (unmatched queue)": (executor) => listPayments(organizationId, paymentSearchSchema.parse({}), executor),
    "payments (all)": (executor) => listPayments(organizationId, paymentSearchSchema.parse({ tab: "all" }), executor),
    payouts: (executor) => listPayoutPage(organizationId, payoutSearchSchema.parse({}), "Asia/Shanghai", 50, executor),
    disputes: (executor) => organizationDisputePage(organizationId, organizationDisputeListSchema.parse({}), 50, executor),
    audit: (executor) => queryAuditLog(executor, organizationId, auditFilterSchema.parse({})),
  };
}

const fmt = (timing: Timing) => `p50 ${timing.p50.toFixed(1)} ms  p95 ${timing.p95.toFixed(1)} ms`;
const round = (value: number) => Math.round(value * 100) / 100;

export default async function dashboardBench(): Promise<void> {
  ensureAuthSecret();
  const server = await benchServer();
  const name = `quayside_bench_dashboard_${process.pid}_${Date.now()}`;
  try {
    const url = await ensureDatabase(server.url, name);
    await migrateDatabase(url);
    process.env.DATABASE_URL = url;
    const today = localDateOf(new Date(), "Asia/Shanghai");
    let orgs;
    try {
      // The demo brings the FX rates the scale organizations' CNY figures are priced at.
      await seedDemoIfEmpty();
      const seed = async (invoices: number, slug: string) => {
        const started = performance.now();
        const result = await seedScale({ invoices, slug, today });
        console.log(`seeded ${slug}: ${invoices} invoices, ${result.payments} payments in ${((performance.now() - started) / 1000).toFixed(0)} s`);
        return result;
      };
      orgs = { small: await seed(SMALL, "bench-small"), large: await seed(LARGE, "bench-large") };
    } finally {
      await closeDb();
    }

    ensureBuilt();
    const app = await startProductionServer(PORT, url);
    try {
      const anonymous = new HttpSession(app.baseUrl);
      const small = new HttpSession(app.baseUrl);
      const large = new HttpSession(app.baseUrl);
      await small.signIn(orgs.small.ownerEmail, orgs.small.ownerPassword);
      await large.signIn(orgs.large.ownerEmail, orgs.large.ownerPassword);

      console.log(`dashboard bench: ${REQUESTS} timed GETs per page after ${WARM_UP} warm-up, production build`);
      const trivial = await timePage(anonymous, "/sign-in");
      const smallDashboard = await timePage(small, `/o/${orgs.small.slug}/dashboard`, `href="/o/${orgs.small.slug}/`);
      const smallInvoices = await timePage(small, `/o/${orgs.small.slug}/invoices`, `href="/o/${orgs.small.slug}/`);
      const largeDashboard = await timePage(large, `/o/${orgs.large.slug}/dashboard`, `href="/o/${orgs.large.slug}/`);
      const largeInvoices = await timePage(large, `/o/${orgs.large.slug}/invoices`, `href="/o/${orgs.large.slug}/`);

      const dashboardRatio = largeDashboard.p50 / smallDashboard.p50;
      const invoicesRatio = largeInvoices.p50 / smallInvoices.p50;
      const vsTrivial = largeDashboard.p50 / trivial.p50;
      console.log(`trivial page /sign-in           ${fmt(trivial)}`);
      console.log(`dashboard     ${String(SMALL).padStart(9)} invoices ${fmt(smallDashboard)}`);
      console.log(`dashboard     ${String(LARGE).padStart(9)} invoices ${fmt(largeDashboard)}`);
      console.log(`invoice list  ${String(SMALL).padStart(9)} invoices ${fmt(smallInvoices)}`);
      console.log(`invoice list  ${String(LARGE).padStart(9)} invoices ${fmt(largeInvoices)}`);
      console.log(`dashboard p50 large/small ${dashboardRatio.toFixed(2)} (aim ≤ 2)   invoice list p50 large/small ${invoicesRatio.toFixed(2)}`);
      console.log(`dashboard p50 at ${LARGE} / trivial page p50 ${vsTrivial.toFixed(2)} (aim ≤ 5)`);

      const largeId = orgs.large.organizationId;
      console.log(`EXPLAIN (ANALYZE, BUFFERS) of the dashboard's statements at ${LARGE} invoices:`);
      const dashboardRead: Read = (executor) => factoryDashboard(largeId, dashboardFilters(dashboardSearchSchema.parse({}), today), today, { executor });
      for (const line of await explainReads(url, dashboardRead)) console.log(line);
      for (const [list, read] of Object.entries(listReads(largeId, today))) {
        console.log(`EXPLAIN (ANALYZE, BUFFERS) of the first page of ${list} at ${LARGE} invoices:`);
        for (const line of await explainReads(url, read)) console.log(line);
      }

      console.log(
        JSON.stringify({
          bench: "dashboard",
          value: round(largeDashboard.p50),
          unit: "ms",
          baseline: round(smallDashboard.p50),
          ratio: round(dashboardRatio),
          small: SMALL,
          large: LARGE,
          dashboard_p95_large: round(largeDashboard.p95),
          dashboard_p95_small: round(smallDashboard.p95),
          invoices_p50_large: round(largeInvoices.p50),
          invoices_p50_small: round(smallInvoices.p50),
          invoices_p95_large: round(largeInvoices.p95),
          invoices_ratio: round(invoicesRatio),
          trivial_p50: round(trivial.p50),
          dashboard_vs_trivial: round(vsTrivial),
        }),
      );
    } finally {
      await app.stop();
    }
  } finally {
    await dropDatabase(server.url, name);
    await server.stop();
  }
}
