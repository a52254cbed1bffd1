import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import postgres from "postgres";
import { closeDb, db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { invoiceRfReference } from "../lib/domain/invoices/rf";
import type { StatementTransaction } from "../lib/domain/statements";
import { CAMT_TAIL, camtEntry, camtHead } from "../lib/domain/statements/fixtures/writers";
import { formatLedgerReport, verifyLedger } from "../lib/server/ledger/verify";
import { createStatementImport } from "../lib/server/statements/imports";
import { readStatementFile } from "../lib/server/statements/read-file";
import { runStatementImport } from "../lib/server/statements/run-import";
import { dropDatabase, ensureDatabase } from "../scripts/database";
import { benchServer } from "./support/bench-database";

/*
 * Statement import throughput: a camt.053 of BENCH_IMPORT_N (100,000) credits, each paying one issued invoice by its
 * RF reference, imported end to end (parse, validate, store the receipts with their ledger entries, match) into a
 * fresh database; then the same rows COPYed into a scratch table in the same run as the baseline. Two ceilings are
 * printed beside it: the rows COPYed into the payments table itself (no import stores its payments faster) and the
 * file parsed alone (no import reads it faster).
 */

const N = Number(process.env.BENCH_IMPORT_N ?? 100_000);
const IBAN = "DE89370400440532013000";
const AMOUNT_BASE = 100_000n;

const amountOf = (i: number) => AMOUNT_BASE + BigInt(i % 9_000);

function transaction(i: number, rf: string): StatementTransaction {
  return {
    account: IBAN,
    currency: "EUR",
    direction: "credit",
    amountMinor: amountOf(i),
    bookingDate: "2026-03-02",
    valueDate: "2026-03-02",
    bankRef: `BENCH${String(i).padStart(9, "0")}`,
    ref: rf,
    text: `Payment INV-2026-${String(i + 1).padStart(6, "0")}`,
    party: `Buyer ${i % 500} Trading Ltd`,
    reversal: false,
  };
}

async function writeStatement(file: string, references: string[]): Promise<void> {
  const total = references.reduce((sum, _, i) => sum + amountOf(i), 0n);
  function* parts() {
    yield camtHead(IBAN, "EUR", 0n, total);
    for (let i = 0; i < references.length; i++) yield camtEntry(transaction(i, references[i]!));
    yield CAMT_TAIL;
  }
  await pipeline(Readable.from(parts()), createWriteStream(file));
}

/** Peak resident memory: sampled, and the kernel's own high-water mark. */
function memoryWatch() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop() {
      clearInterval(timer);
      return { sampledPeakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 };
    },
  };
}

async function seed(sql: postgres.Sql): Promise<{ organizationId: string; references: string[] }> {
  const [org] = await sql<{ id: string }[]>`insert into organizations (slug, name) values ('bench-import', 'Bench Factory') returning id`;
  const organizationId = org!.id;
  await sql`insert into collection_accounts (organization_id, currency, provider, scheme, account_identifier, account_holder, details, bank_name)
            values (${organizationId}, 'EUR', 'sandbox', 'iban', ${IBAN}, 'Bench Factory', ${sql.json({ iban: IBAN, bic: "COBADEFFXXX" })}, 'Bench Bank')`;
  const [buyer] = await sql<{ id: string }[]>`
    insert into buyers (organization_id, name, country, default_currency, default_terms)
    values (${organizationId}, 'Bench Buyer Ltd', 'GB', 'EUR', ${sql.json({ kind: "net", days: 60 })}) returning id`;
  const references = Array.from({ length: N }, (_, i) => invoiceRfReference(organizationId, 2026, i + 1));
  const amounts = references.map((_, i) => amountOf(i).toString());
  await sql`
    with issued as (
      insert into invoices (organization_id, buyer_id, number, rf_reference, pay_token, currency, status, issue_date, terms,
                            subtotal_minor, total_minor, next_due_date, issued_at)
      select ${organizationId}, ${buyer!.id}, 'INV-2026-' || lpad(t.n::text, 6, '0'), t.rf, 'bench-' || t.n, 'EUR', 'open', '2026-01-15',
             ${sql.json({ kind: "net", days: 60 })}, t.amount, t.amount, '2026-03-16', now()
        from unnest(${sql.array(references)}::text[], ${sql.array(amounts)}::bigint[]) with ordinality as t(rf, amount, n)
      returning id, total_minor
    )
    insert into invoice_instalments (invoice_id, organization_id, position, label, share_bps, amount_minor, due_rule, due_date)
    select id, ${organizationId}, 1, 'full', 10000, total_minor, ${sql.json({ anchor: "issue", days: 60 })}, '2026-03-16' from issued`;
  return { organizationId, references };
}

/** Reading alone, as the import's first pass reads: the XML parsed and every transaction checked, nothing stored. */
async function parseOnly(file: string): Promise<number> {
  const started = performance.now();
  let count = 0;
  for await (const _ of readStatementFile(file, "camt.053", undefined, () => {})) count++;
  if (count !== N) throw new Error(`Parsed ${count} transactions of ${N}`);
  return N / ((performance.now() - started) / 1000);
}

/** The same rows as incoming-payment tuples COPYed into `table` under `account`; rows per second, the count checked. */
async function copyRows(sql: postgres.Sql | postgres.TransactionSql, table: string, organizationId: string, references: string[], account: string): Promise<number> {
  const started = performance.now();
  const writable = await sql`copy ${sql(table)} (organization_id, source, account_identifier, bank_ref, currency, amount_minor, unapplied_minor,
                                                 booking_date, value_date, reference, remittance_text, payer_name) from stdin`.writable();
  function* rows() {
    let chunk = "";
    for (let i = 0; i < references.length; i++) {
      const t = transaction(i, references[i]!);
      chunk += `${organizationId}\tbank_transfer\t${account}\t${t.bankRef}\t${t.currency}\t${t.amountMinor}\t${t.amountMinor}\t${t.bookingDate}\t${t.valueDate}\t${t.ref}\t${t.text}\t${t.party}\n`;
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(rows()), writable);
  const seconds = (performance.now() - started) / 1000;
  const [{ count }] = await sql<{ count: number }[]>`select count(*)::int as count from ${sql(table)} where account_identifier = ${account}`;
  if (count !== references.length) throw new Error(`COPY into ${table} stored ${count} rows of ${references.length}`);
  return references.length / seconds;
}

/** The baseline: the same rows COPYed into a table with no keys, triggers or ledger. */
async function copyBaseline(sql: postgres.Sql, organizationId: string, references: string[]): Promise<number> {
  await sql`create table bench_copy (like incoming_payments including defaults)`;
  return copyRows(sql, "bench_copy", organizationId, references, IBAN);
}

/**
 * The same rows COPYed into incoming_payments itself (its keys, indexes, foreign keys and dashboard trigger), under
 * another account so they meet none of the import's, then rolled back: what storing the payments alone costs, before
 * any ledger entry or match.
 */
async function copyIntoPayments(sql: postgres.Sql, organizationId: string, references: string[]): Promise<number> {
  let perSecond = 0;
  await sql
    .begin(async (tx) => {
      perSecond = await copyRows(tx, "incoming_payments", organizationId, references, "BENCH-COPY-PROBE");
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return perSecond;
}

class RolledBack extends Error {}

export default async function importBench(): Promise<void> {
  const server = await benchServer();
  const name = `quayside_bench_import_${process.pid}_${Date.now()}`;
  const dir = await mkdtemp(path.join(tmpdir(), "bench-import-"));
  try {
    const url = await ensureDatabase(server.url, name);
    await migrateDatabase(url);
    process.env.DATABASE_URL = url;
    const sql = postgres(url, { max: 2, onnotice: () => {}, types: { bigint: postgres.BigInt } });
    try {
      const { organizationId, references } = await seed(sql);
      const file = path.join(dir, "statement.xml");
      await writeStatement(file, references);
      console.log(`import bench: camt.053 of ${N} credits to ${N} issued invoices`);

      const memory = memoryWatch();
      const started = performance.now();
      const importId = await createStatementImport(db(), { organizationId, format: "camt.053", fileName: "bench.xml", sha256: "bench", sizeBytes: 0, importedBy: null });
      const outcome = await runStatementImport(importId, file);
      const seconds = (performance.now() - started) / 1000;
      const peak = memory.stop();
      if (outcome.status !== "completed" || outcome.imported !== N) throw new Error(`Import did not store every transaction: ${JSON.stringify(outcome)}`);
      const perSecond = N / seconds;
      console.log(`import (parse + store + match) ${N} in ${seconds.toFixed(1)} s  ${perSecond.toFixed(0)}/s  matched ${outcome.matched}`);
      console.log(`peak memory: ${peak.sampledPeakMb.toFixed(0)} MB sampled RSS, ${peak.maxRssMb.toFixed(0)} MB max RSS of the process`);

      const copyPerSecond = await copyBaseline(sql, organizationId, references);
      console.log(`plain COPY ${N} rows  ${copyPerSecond.toFixed(0)}/s`);
      const ofCopy = (rate: number) => Math.round((rate / copyPerSecond) * 10_000) / 10_000;
      const paymentsPerSecond = await copyIntoPayments(sql, organizationId, references);
      console.log(`COPY into incoming_payments (keys, indexes, trigger; no ledger, no match) ${N}  ${paymentsPerSecond.toFixed(0)}/s = ${ofCopy(paymentsPerSecond)} of plain COPY`);
      const parsePerSecond = await parseOnly(file);
      console.log(`parse only (no database) ${N}  ${parsePerSecond.toFixed(0)}/s = ${ofCopy(parsePerSecond)} of plain COPY`);
      console.log(formatLedgerReport(await verifyLedger(db())));
      console.log(
        JSON.stringify({
          bench: "import",
          value: Math.round(perSecond),
          unit: "transactions/s",
          baseline: Math.round(copyPerSecond),
          ratio: ofCopy(perSecond),
          copy_payments_ratio: ofCopy(paymentsPerSecond),
          parse_only: Math.round(parsePerSecond),
          parse_only_ratio: ofCopy(parsePerSecond),
        }),
      );
    } finally {
      await sql.end();
      await closeDb();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await dropDatabase(server.url, name);
    await server.stop();
  }
}
