import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { organizations } from "../db/schema";
import type { EntryLine } from "../lib/domain/ledger";
import { postEntry } from "../lib/server/ledger/post";
import { formatLedgerReport, verifyLedger } from "../lib/server/ledger/verify";
import { dropDatabase, ensureDatabase } from "../scripts/database";
import { benchServer } from "./support/bench-database";

/*
 * Ledger posting throughput against a plain INSERT + COMMIT on the same database, with the
 * same number of clients. The mix spreads over 64 factories and 8 currencies; every
 * posting still touches a platform account of its currency, as real ones do. The hot
 * account phase puts every posting on one balance, which serializes them by design.
 * BENCH_CLIENTS and BENCH_PHASE_MS override the 8 clients and 10 s per phase; the mix and its
 * baseline take turns of BENCH_SLICE_MS (0.5 s).
 */

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 10_000);
const SLICE_MS = Number(process.env.BENCH_SLICE_MS ?? 500);
const FACTORIES = 64;
const CURRENCIES = ["USD", "EUR", "GBP", "HKD", "CNY", "JPY", "SGD", "AUD"];

interface Phase {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
  count: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

type Operation = (client: number, i: number) => Promise<unknown>;

interface Run {
  name: string;
  operation: Operation;
  /** Per client, the i its next call gets, so keys stay unique across turns. */
  next: number[];
  latencies: number[];
  ms: number;
}

/** Runs `run` in CLIENTS concurrent loops for `ms`; each loop keeps one connection busy. */
async function turn(run: Run, ms: number): Promise<void> {
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    run.next.map(async (_, client) => {
      while (performance.now() < deadline) {
        const began = performance.now();
        await run.operation(client, run.next[client]!++);
        run.latencies.push(performance.now() - began);
      }
    }),
  );
  run.ms += performance.now() - start;
}

/**
 * Gives each operation PHASE_MS in turns of SLICE_MS, so that load from outside the benchmark
 * (this machine is shared) falls on the ledger and its baseline alike instead of on whichever
 * phase it happened to coincide with.
 */
async function measure(operations: [name: string, operation: Operation][]): Promise<Phase[]> {
  const runs: Run[] = operations.map(([name, operation]) => ({ name, operation, next: Array<number>(CLIENTS).fill(0), latencies: [], ms: 0 }));
  for (let elapsed = 0; elapsed < PHASE_MS; elapsed += SLICE_MS) {
    for (const run of runs) await turn(run, Math.min(SLICE_MS, PHASE_MS - elapsed));
  }
  return runs.map(({ name, latencies, ms }) => {
    const seconds = ms / 1000;
    latencies.sort((a, b) => a - b);
    const phase = { name, count: latencies.length, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    console.log(
      `${name.padEnd(28)} ${String(phase.count).padStart(7)} in ${seconds.toFixed(1)} s  ${phase.perSecond.toFixed(0).padStart(6)}/s  ` +
        `p50 ${phase.p50.toFixed(2)} ms  p99 ${phase.p99.toFixed(2)} ms`,
    );
    return phase;
  });
}

const available = (organizationId: string, currency: string) => ({ organizationId, kind: "available" as const, currency });
const reserved = (organizationId: string, currency: string) => ({ organizationId, kind: "reserved" as const, currency });
const platformAccount = (kind: "bank_clearing" | "fee_revenue" | "payout_clearing", currency: string) => ({ organizationId: null, kind, currency });

/** A buyer's payment with the platform's 0.6 % fee and 10 % held back: four lines. */
function collectionLines(factory: string, currency: string, amountMinor: bigint): EntryLine[] {
  const fee = (amountMinor * 6n) / 1000n;
  const hold = amountMinor / 10n;
  return [
    { account: platformAccount("bank_clearing", currency), amountMinor: -amountMinor },
    { account: available(factory, currency), amountMinor: amountMinor - fee - hold },
    { account: reserved(factory, currency), amountMinor: hold },
    { account: platformAccount("fee_revenue", currency), amountMinor: fee },
  ];
}

/** Half the postings are two-line payouts, half four-line collections. */
function mixedEntry(factories: string[], client: number, i: number) {
  const factory = factories[(client * 7919 + i * 104729) % factories.length]!;
  const currency = CURRENCIES[(client * 31 + i * 17) % CURRENCIES.length]!;
  const amount = BigInt(1000 + ((client * 131 + i * 977) % 90_000));
  const lines =
    i % 2 === 0
      ? [
          { account: available(factory, currency), amountMinor: -amount },
          { account: platformAccount("payout_clearing", currency), amountMinor: amount },
        ]
      : collectionLines(factory, currency, amount);
  return { organizationId: factory, idempotencyKey: `mix-${client}-${i}`, type: i % 2 === 0 ? "payout" : "collection", description: "bench", lines };
}

export default async function ledgerBench(): Promise<void> {
  const server = await benchServer();
  const name = `quayside_bench_${process.pid}_${Date.now()}`;
  try {
    const url = await ensureDatabase(server.url, name);
    await migrateDatabase(url);
    const sql = postgres(url, { max: CLIENTS, onnotice: () => {}, types: { bigint: postgres.BigInt } });
    const database: Database = drizzle(sql, { schema });
    try {
      const factories = (
        await database
          .insert(organizations)
          .values(Array.from({ length: FACTORIES }, (_, i) => ({ slug: `bench-${i}`, name: `Bench factory ${i}` })))
          .returning({ id: organizations.id })
      ).map((o) => o.id);
      // Funds every factory in every currency so no payout in the mix is refused.
      for (const factory of factories) {
        for (const currency of CURRENCIES) {
          await postEntry(database, { organizationId: factory, idempotencyKey: `fund-${currency}`, type: "collection", description: "bench funding", lines: collectionLines(factory, currency, 10n ** 12n) });
        }
      }
      console.log(`ledger bench: ${CLIENTS} clients, ${PHASE_MS / 1000} s per phase, ${FACTORIES} factories x ${CURRENCIES.length} currencies`);

      await sql`create table bench_plain (id bigserial primary key, amount_minor bigint not null, created_at timestamptz not null default now())`;
      const [mix, plain] = await measure([
        ["ledger postings (mix)", (client, i) => postEntry(database, mixedEntry(factories, client, i))],
        ["plain INSERT + COMMIT", (_, i) => sql.begin((tx) => tx`insert into bench_plain (amount_minor) values (${i})`)],
      ]);

      const hot = factories[0]!;
      const [hotAccount] = await measure([
        [
          "hot account (one balance)",
          (client, i) =>
            postEntry(database, {
              organizationId: hot,
              idempotencyKey: `hot-${client}-${i}`,
              type: "collection",
              description: "bench",
              lines: [
                { account: platformAccount("bank_clearing", "USD"), amountMinor: -100n },
                { account: available(hot, "USD"), amountMinor: 100n },
              ],
            }),
        ],
      ]);

      console.log(formatLedgerReport(await verifyLedger(database)));
      console.log(
        JSON.stringify({
          bench: "ledger",
          value: Math.round(mix.perSecond),
          unit: "postings/s",
          baseline: Math.round(plain.perSecond),
          ratio: Math.round((mix.perSecond / plain.perSecond) * 100) / 100,
          hot_account: Math.round(hotAccount.perSecond),
        }),
      );
    } finally {
      await sql.end();
    }
  } finally {
    await dropDatabase(server.url, name);
    await server.stop();
  }
}
