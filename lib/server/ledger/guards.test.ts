import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { journalEntries, journalLines } from "../../../db/schema";
import { getBalances } from ".";
import { postgresError } from "./database-error";
import { collect, createOrganization, payout } from "@/tests/fixtures/ledger";

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  const pg = postgresError(error);
  if (!pg) throw new Error(`Expected the database to refuse, got ${String(error)}`);
  return pg;
}

async function entryCount(key: string): Promise<bigint> {
  const rows = await db().execute<{ count: bigint }>(sql`select count(*) from journal_entries where idempotency_key = ${key}`);
  return rows[0]!.count;
}

describe("database guards", () => {
  it("refuses UPDATE and DELETE of journal lines and entries", async () => {
    const factory = await createOrganization();
    const { entryId } = await collect(factory, 1000n);
    const refusals = [
      await refusal(() => db().update(journalLines).set({ amountMinor: 1n }).where(eq(journalLines.entryId, entryId))),
      await refusal(() => db().delete(journalLines).where(eq(journalLines.entryId, entryId))),
      await refusal(() => db().update(journalEntries).set({ description: "edited" }).where(eq(journalEntries.id, entryId))),
      await refusal(() => db().delete(journalEntries).where(eq(journalEntries.id, entryId))),
      await refusal(() => db().execute(sql`truncate journal_lines, journal_entries cascade`)),
    ];
    for (const r of refusals) expect(r).toMatchObject({ code: "LG001", message: expect.stringContaining("append-only") });
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(1000n);
  });

  it("refuses changing an account's identity or overdrawing it by hand", async () => {
    const factory = await createOrganization();
    await collect(factory, 1000n);
    expect(await refusal(() => db().execute(sql`update ledger_accounts set kind = 'pending' where organization_id = ${factory}`))).toMatchObject({ code: "LG001" });
    expect(await refusal(() => db().execute(sql`update ledger_accounts set balance_minor = -1 where organization_id = ${factory}`))).toMatchObject({ code: "23514" });
    expect(await refusal(() => db().execute(sql`delete from ledger_accounts where organization_id = ${factory}`))).toMatchObject({ code: "LG001" });
  });

  it("refuses an unbalanced raw INSERT at commit", async () => {
    const factory = await createOrganization();
    const { entryId } = await collect(factory, 1000n);
    const [line] = await db().select().from(journalLines).where(eq(journalLines.entryId, entryId)).limit(1);
    const pg = await refusal(() =>
      db().transaction(async (tx) => {
        await tx.insert(journalLines).values({ ...line!, id: undefined, amountMinor: 5n });
      }),
    );
    expect(pg).toMatchObject({ code: "LG002", message: expect.stringContaining("does not balance") });

    const key = randomUUID();
    const lonely = await refusal(() =>
      db().transaction(async (tx) => {
        await tx.insert(journalEntries).values({ organizationId: factory, idempotencyKey: key, requestHash: "x", type: "adjustment", description: "no lines" });
      }),
    );
    expect(lonely).toMatchObject({ code: "LG002", message: expect.stringContaining("fewer than two lines") });
    expect(await entryCount(key)).toBe(0n);
  });

  it("a transaction that throws half-way leaves no entry, line or balance change", async () => {
    const factory = await createOrganization();
    await collect(factory, 1000n);
    const key = randomUUID();
    await expect(
      db().transaction(async (tx) => {
        await payout(tx, factory, 400n, key);
        throw new Error("crash after posting");
      }),
    ).rejects.toThrow("crash after posting");
    expect(await entryCount(key)).toBe(0n);
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(1000n);
  });

  it("a connection killed half-way leaves no entry, line or balance change", async () => {
    const factory = await createOrganization();
    await collect(factory, 1000n);
    const key = randomUUID();
    // One connection of its own (a pool of one), in a transaction opened by hand: the driver then never tries to
    // roll back over the socket the server has closed, which it would otherwise report as an error of its own.
    const victim = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const killer = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await victim`begin`;
      await payout(drizzle(victim), factory, 400n, key);
      const [backend] = await victim<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await killer`select pg_terminate_backend(${backend!.pid})`;
      await expect(victim`commit`).rejects.toThrow();
    } finally {
      await killer.end();
      await victim.end({ timeout: 1 });
    }
    expect(await entryCount(key)).toBe(0n);
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(1000n);
  });
});
