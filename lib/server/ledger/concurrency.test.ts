import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { ACCOUNT_KINDS, type AccountRef, ORGANIZATION_ACCOUNT_KINDS } from "../../domain/ledger";
import { getBalances, postEntry, reverseEntry } from ".";
import { collect, createOrganization, org, payout, platform } from "@/tests/fixtures/ledger";
import { verifyLedger } from "./verify";

function codes(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.status === "fulfilled" ? "ok" : ((r.reason as { code?: string }).code ?? String(r.reason));
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe("concurrent postings", () => {
  it("50 concurrent debits against a balance covering 10: exactly 10 succeed", async () => {
    const factory = await createOrganization();
    await collect(factory, 1000n);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => payout(db(), factory, 100n)));
    expect(codes(results)).toEqual({ ok: 10, insufficient_funds: 40 });
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(0n);
  });

  it("the same idempotency key sent 20 times at once makes one entry", async () => {
    const factory = await createOrganization();
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => collect(factory, 1000n, 6n, "USD", key)));
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(994n);
    const rows = await db().execute<{ count: bigint }>(sql`select count(*) from journal_entries where idempotency_key = ${key}`);
    expect(rows[0]!.count).toBe(1n);
  });

  it("creates a brand-new account once when many first postings race for it", async () => {
    const factory = await createOrganization();
    await Promise.all(Array.from({ length: 10 }, () => collect(factory, 10n, 0n, "CHF")));
    expect(await getBalances(db(), factory)).toEqual([{ currency: "CHF", availableMinor: 100n, pendingMinor: 0n, reservedMinor: 0n, unappliedMinor: 0n, buyerCreditMinor: 0n }]);
  });

  it("after a random concurrent workload, balances equal the sum of lines", async () => {
    const orgs = [await createOrganization(), await createOrganization(), await createOrganization()];
    const currencies = ["USD", "EUR"];
    for (const o of orgs) for (const c of currencies) await collect(o, 5000n, 0n, c);
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const posted: { organizationId: string; entryId: string }[] = [];
    const work = Array.from({ length: 200 }, async (_, i) => {
      const o = orgs[random(orgs.length)]!;
      const c = currencies[random(currencies.length)]!;
      const kinds = ACCOUNT_KINDS.filter((k) => k !== "fee_revenue");
      const pick = (): AccountRef => {
        const kind = kinds[random(kinds.length)]!;
        return (ORGANIZATION_ACCOUNT_KINDS as readonly string[]).includes(kind) ? org(o, kind, c) : platform(kind, c);
      };
      const from = pick();
      let to = pick();
      while (to.kind === from.kind) to = pick();
      const amount = BigInt(1 + random(900));
      const fee = BigInt(random(3));
      if (i % 10 === 9 && posted.length > 0) {
        const target = posted[random(posted.length)]!;
        return reverseEntry(db(), { ...target, idempotencyKey: `rev-${i}`, reason: "random" });
      }
      // Keys repeat so some requests are retries (same content) or conflicts (different content).
      const result = await postEntry(db(), {
        organizationId: o,
        idempotencyKey: `random-${i % 180}`,
        type: "transfer",
        description: "random",
        lines: [
          { account: from, amountMinor: -(amount + fee) },
          { account: to, amountMinor: amount },
          ...(fee > 0n ? [{ account: platform("fee_revenue", c), amountMinor: fee }] : []),
        ],
      });
      if (!result.replayed) posted.push({ organizationId: o, entryId: result.entryId });
      return result;
    });
    const results = await Promise.allSettled(work);
    const outcome = codes(results);
    expect(outcome.ok).toBeGreaterThan(50);
    for (const code of Object.keys(outcome)) {
      expect(["ok", "insufficient_funds", "idempotency_conflict", "already_reversed"]).toContain(code);
    }
    const report = await verifyLedger(db());
    expect(report.failures).toEqual([]);
  });
});
