import Papa from "papaparse";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { accountLinesCsv, listAccountLines, postEntry, reverseEntry } from ".";
import { accountLinesQuery } from "./lines";
import { collect, createOrganization, org, payout, platform } from "@/tests/fixtures/ledger";

async function history(organizationId: string) {
  await collect(organizationId, 10000n, 60n);
  await collect(organizationId, 5000n, 30n, "EUR");
  const { entryId } = await payout(db(), organizationId, 2000n);
  await reverseEntry(db(), { organizationId, entryId, idempotencyKey: "undo-payout", reason: "Bank returned it" });
  await postEntry(db(), {
    organizationId,
    idempotencyKey: "hold",
    type: "reserve",
    description: "=HYPERLINK(\"http://evil\")",
    cause: { type: "dispute", id: "D-7" },
    lines: [
      { account: org(organizationId, "available"), amountMinor: -100n },
      { account: org(organizationId, "reserved"), amountMinor: 100n },
    ],
  });
}

async function collectCsv(organizationId: string, filter = {}): Promise<string> {
  let text = "";
  for await (const chunk of accountLinesCsv(db(), organizationId, filter)) text += chunk;
  return text;
}

describe("listAccountLines", () => {
  it("pages newest first with a cursor and shows balances after each line", async () => {
    const factory = await createOrganization();
    await history(factory);
    const all = await listAccountLines(db(), factory, { limit: 100 });
    expect(all.nextCursor).toBeNull();
    // The two lines of the reserve entry come in account id order, so only their set is fixed.
    expect(all.lines.map((l) => `${l.type} ${l.accountKind} ${l.currency} ${l.amountMinor} ${l.balanceAfterMinor}`)).toEqual([
      expect.stringMatching(/^reserve /),
      expect.stringMatching(/^reserve /),
      "reversal available USD 2000 9940",
      "payout available USD -2000 7940",
      "collection available EUR 4970 4970",
      "collection available USD 9940 9940",
    ]);
    expect(all.lines.slice(0, 2).map((l) => `${l.accountKind} ${l.amountMinor} ${l.balanceAfterMinor}`).sort()).toEqual([
      "available -100 9840",
      "reserved 100 100",
    ]);
    expect(all.lines[3]!.reversedByEntryId).toBe(all.lines[2]!.entryId);
    expect(all.lines[2]!.reversesEntryId).toBe(all.lines[3]!.entryId);

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listAccountLines(db(), factory, { limit: 4, after });
      seen.push(...page.lines.map((l) => l.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual(all.lines.map((l) => l.id));
  });

  it("filters by account, currency, type, time and amount", async () => {
    const factory = await createOrganization();
    await history(factory);
    const all = (await listAccountLines(db(), factory, { limit: 100 })).lines;
    const reserved = all.find((l) => l.accountKind === "reserved")!;
    const ids = async (filter: object) => (await listAccountLines(db(), factory, { limit: 100, ...filter })).lines.map((l) => l.id);
    expect(await ids({ accountId: reserved.accountId })).toEqual([reserved.id]);
    expect(await ids({ currency: "EUR" })).toEqual(all.filter((l) => l.currency === "EUR").map((l) => l.id));
    expect(await ids({ type: "collection" })).toEqual(all.filter((l) => l.type === "collection").map((l) => l.id));
    expect(await ids({ minAmount: 0n, maxAmount: 2000n })).toEqual(all.filter((l) => l.amountMinor >= 0n && l.amountMinor <= 2000n).map((l) => l.id));
    expect(await ids({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await ids({ to: new Date(Date.now() + 60_000), from: new Date(Date.now() - 60_000) })).toHaveLength(all.length);
    await expect(listAccountLines(db(), factory, { after: "1; drop table" })).rejects.toThrow(RangeError);
    await expect(listAccountLines(db(), factory, { limit: 501 })).rejects.toThrow(RangeError);
  });

  it("lists the platform's lines for a null organization", async () => {
    const factory = await createOrganization();
    await collect(factory, 700n, 7n, "SGD");
    const { lines } = await listAccountLines(db(), null, { currency: "SGD", limit: 500 });
    expect(lines.map((l) => l.accountKind).slice(0, 2).sort()).toEqual(["bank_clearing", "fee_revenue"]);
  });

  it("exports the same lines as CSV, with decimal amounts and formulas defused", async () => {
    const factory = await createOrganization();
    await history(factory);
    const parsed = Papa.parse<Record<string, string>>(await collectCsv(factory), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(6);
    const reserved = parsed.data.find((row) => row.account_kind === "reserved");
    expect(reserved).toMatchObject({ type: "reserve", amount: "1.00", cause_type: "dispute", cause_id: "D-7" });
    expect(reserved!.description).toBe("'=HYPERLINK(\"http://evil\")");
    expect(parsed.data[3]).toMatchObject({ type: "payout", amount: "-20.00", balance_after: "79.40" });
    const eur = Papa.parse<Record<string, string>>(await collectCsv(factory, { currency: "EUR" }), { header: true, skipEmptyLines: true });
    expect(eur.data.map((row) => row.amount)).toEqual(["49.70"]);
  });

  it("uses the line indexes for a page deep in a large history", async () => {
    const factory = await createOrganization();
    await collect(factory, 1000n);
    const { lines } = await listAccountLines(db(), factory);
    const accountId = lines[0]!.accountId;
    const other = await createOrganization();
    await collect(other, 1000n);
    const otherAccount = (await listAccountLines(db(), other)).lines[0]!.accountId;
    // Bulk rows go in with triggers off inside a transaction that is rolled back.
    const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const plans: string[] = [];
    try {
      await sql
        .begin(async (tx) => {
          await tx`set local session_replication_role = replica`;
          // 200,000 lines, one in a hundred of them this factory's, the rest another's.
          await tx`insert into journal_entries (id, organization_id, idempotency_key, request_hash, type, description)
            select md5(g::text)::uuid, ${factory}, 'bulk-' || g, 'x', 'collection', 'bulk' from generate_series(1, 100000) g`;
          await tx`insert into journal_lines (entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor)
            select md5((g / 2)::text)::uuid, case when g % 100 = 0 then ${accountId}::uuid else ${otherAccount}::uuid end,
                   case when g % 100 = 0 then ${factory}::uuid else ${other}::uuid end, 'USD', 1, g
            from generate_series(2, 200001) g`;
          await tx`analyze journal_lines`;
          await tx`analyze journal_entries`;
          for (const page of [{}, { accountId }, { after: "150000", type: "collection" }]) {
            const query = accountLinesQuery(db(), factory, page).toSQL();
            const rows = await tx.unsafe(`explain ${query.sql}`, query.params as never[]);
            plans.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
          }
          throw new Error("rollback");
        })
        .catch((e: Error) => {
          if (e.message !== "rollback") throw e;
        });
    } finally {
      await sql.end();
    }
    for (const plan of plans) {
      expect(plan).toMatch(/Index Scan Backward using journal_lines_(org|account)_id_idx/);
      expect(plan).not.toMatch(/Seq Scan on journal_lines|Sort/);
    }
  });
});
