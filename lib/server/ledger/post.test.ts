import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { journalEntries, journalLines } from "../../../db/schema";
import { getBalances, LedgerError, listAccountLines, postEntry, reverseEntry } from ".";
import { accountBalance, collect, createOrganization, org, payout, platform } from "@/tests/fixtures/ledger";

describe("postEntry", () => {
  it("posts the collection from the domain picture and reads the balances back", async () => {
    const factory = await createOrganization();
    const fees = await accountBalance(platform("fee_revenue"));
    const { entryId, replayed } = await collect(factory, 100000n, 600n);
    expect(replayed).toBe(false);
    expect(await getBalances(db(), factory)).toEqual([
      { currency: "USD", availableMinor: 99400n, pendingMinor: 0n, reservedMinor: 0n, unappliedMinor: 0n, buyerCreditMinor: 0n },
    ]);
    expect(await accountBalance(platform("fee_revenue"))).toBe(fees + 600n);
    const lines = await db().select().from(journalLines).where(eq(journalLines.entryId, entryId));
    expect(lines.map((l) => l.amountMinor).sort()).toEqual([-100000n, 600n, 99400n].sort());
  });

  it("keeps per-currency balances and every kind apart", async () => {
    const factory = await createOrganization();
    await collect(factory, 5000n, 0n, "EUR");
    await collect(factory, 700n, 0n, "JPY");
    await postEntry(db(), {
      organizationId: factory,
      idempotencyKey: "hold-1",
      type: "reserve",
      description: "Hold for dispute",
      lines: [
        { account: org(factory, "available", "EUR"), amountMinor: -1200n },
        { account: org(factory, "reserved", "EUR"), amountMinor: 1200n },
      ],
    });
    expect(await getBalances(db(), factory)).toEqual([
      { currency: "EUR", availableMinor: 3800n, pendingMinor: 0n, reservedMinor: 1200n, unappliedMinor: 0n, buyerCreditMinor: 0n },
      { currency: "JPY", availableMinor: 700n, pendingMinor: 0n, reservedMinor: 0n, unappliedMinor: 0n, buyerCreditMinor: 0n },
    ]);
  });

  it("replays a retry with the same key and content, whatever the line order", async () => {
    const factory = await createOrganization();
    const first = await collect(factory, 1000n, 10n, "USD", "retry-key");
    const lines = [
      { account: platform("fee_revenue"), amountMinor: 10n },
      { account: org(factory, "available"), amountMinor: 990n },
      { account: platform("bank_clearing"), amountMinor: -1000n },
    ];
    const again = await postEntry(db(), { organizationId: factory, idempotencyKey: "retry-key", type: "collection", description: "Buyer payment", lines });
    expect(again).toEqual({ entryId: first.entryId, replayed: true });
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(990n);
  });

  it("refuses the same key with different content as idempotency_conflict", async () => {
    const factory = await createOrganization();
    await collect(factory, 1000n, 0n, "USD", "same-key");
    await expect(collect(factory, 1001n, 0n, "USD", "same-key")).rejects.toMatchObject({ code: "idempotency_conflict" });
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(1000n);
  });

  it("scopes idempotency keys per organization", async () => {
    const [a, b] = [await createOrganization(), await createOrganization()];
    const first = await collect(a, 1000n, 0n, "USD", "shared-key");
    const second = await collect(b, 1000n, 0n, "USD", "shared-key");
    expect(second.entryId).not.toBe(first.entryId);
  });

  it("refuses an overdraft with insufficient_funds naming the account", async () => {
    const factory = await createOrganization();
    await collect(factory, 500n);
    const error = await payout(db(), factory, 501n).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect(error).toMatchObject({ code: "insufficient_funds", params: { kind: "available", currency: "USD", balanceMinor: "500", amountMinor: "-501" } });
    await payout(db(), factory, 500n);
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(0n);
  });

  it("lets platform clearing accounts go negative", async () => {
    const factory = await createOrganization();
    const before = await accountBalance(platform("card_clearing", "GBP"));
    await postEntry(db(), {
      organizationId: factory,
      idempotencyKey: "card-1",
      type: "collection",
      description: "Card payment",
      lines: [
        { account: platform("card_clearing", "GBP"), amountMinor: -before - 1n },
        { account: org(factory, "pending", "GBP"), amountMinor: before + 1n },
      ],
    });
    expect(await accountBalance(platform("card_clearing", "GBP"))).toBe(-1n);
  });

  it("refuses unbalanced and malformed entries before touching the database", async () => {
    const factory = await createOrganization();
    const unbalanced = postEntry(db(), {
      organizationId: factory,
      idempotencyKey: randomUUID(),
      type: "adjustment",
      description: "typo",
      lines: [
        { account: platform("bank_clearing"), amountMinor: -100n },
        { account: org(factory, "available"), amountMinor: 99n },
      ],
    });
    await expect(unbalanced).rejects.toMatchObject({ code: "unbalanced_entry" });
    await expect(collect(factory, 0n)).rejects.toMatchObject({ code: "invalid_entry" });
    expect(await getBalances(db(), factory)).toEqual([]);
  });

  it("refuses an unknown organization as invalid_entry", async () => {
    await expect(collect(randomUUID(), 100n)).rejects.toMatchObject({ code: "invalid_entry" });
  });

  it("inside a caller's transaction, a refusal rolls back only the posting", async () => {
    const factory = await createOrganization();
    await collect(factory, 300n);
    await db().transaction(async (tx) => {
      await payout(tx, factory, 100n);
      await expect(payout(tx, factory, 1000n)).rejects.toMatchObject({ code: "insufficient_funds" });
      await payout(tx, factory, 200n);
    });
    expect((await getBalances(db(), factory))[0]!.availableMinor).toBe(0n);
  });
});

describe("organization isolation", () => {
  it("org A cannot post to org B's accounts", async () => {
    const [a, b] = [await createOrganization(), await createOrganization()];
    await collect(b, 1000n);
    const attempt = postEntry(db(), {
      organizationId: a,
      idempotencyKey: randomUUID(),
      type: "adjustment",
      description: "steal",
      lines: [
        { account: org(b, "available"), amountMinor: -1000n },
        { account: org(a, "available"), amountMinor: 1000n },
      ],
    });
    await expect(attempt).rejects.toMatchObject({ code: "ledger_cross_organization" });
    expect((await getBalances(db(), b))[0]!.availableMinor).toBe(1000n);
  });

  it("org A cannot read org B's balances, lines or entries", async () => {
    const [a, b] = [await createOrganization(), await createOrganization()];
    const { entryId } = await collect(b, 1000n);
    const bLines = await listAccountLines(db(), b);
    expect(bLines.lines).toHaveLength(1);
    expect(await getBalances(db(), a)).toEqual([]);
    expect((await listAccountLines(db(), a)).lines).toEqual([]);
    expect((await listAccountLines(db(), a, { accountId: bLines.lines[0]!.accountId })).lines).toEqual([]);
    await expect(reverseEntry(db(), { organizationId: a, entryId, idempotencyKey: "x", reason: "no" })).rejects.toMatchObject({
      code: "entry_not_found",
    });
  });
});

describe("reverseEntry", () => {
  it("posts the negation, links it, and refuses a second reversal", async () => {
    const factory = await createOrganization();
    const { entryId } = await collect(factory, 1000n, 6n);
    const reversal = await reverseEntry(db(), { organizationId: factory, entryId, idempotencyKey: "undo", reason: "Duplicate" });
    expect(reversal.replayed).toBe(false);
    expect(await getBalances(db(), factory)).toEqual([{ currency: "USD", availableMinor: 0n, pendingMinor: 0n, reservedMinor: 0n, unappliedMinor: 0n, buyerCreditMinor: 0n }]);
    const [row] = await db().select().from(journalEntries).where(eq(journalEntries.id, reversal.entryId));
    expect(row).toMatchObject({ reversesEntryId: entryId, type: "reversal", description: "Duplicate" });

    const retry = await reverseEntry(db(), { organizationId: factory, entryId, idempotencyKey: "undo", reason: "Duplicate" });
    expect(retry).toEqual({ entryId: reversal.entryId, replayed: true });
    await expect(
      reverseEntry(db(), { organizationId: factory, entryId, idempotencyKey: "undo-again", reason: "Duplicate" }),
    ).rejects.toMatchObject({ code: "already_reversed" });
    await expect(
      reverseEntry(db(), { organizationId: factory, entryId: reversal.entryId, idempotencyKey: "undo-undo", reason: "oops" }),
    ).rejects.toMatchObject({ code: "invalid_entry" });
  });

  it("refuses a reversal that would overdraw, and an unknown entry", async () => {
    const factory = await createOrganization();
    const { entryId } = await collect(factory, 1000n);
    await payout(db(), factory, 600n);
    await expect(reverseEntry(db(), { organizationId: factory, entryId, idempotencyKey: "u", reason: "r" })).rejects.toMatchObject({
      code: "insufficient_funds",
    });
    await expect(
      reverseEntry(db(), { organizationId: factory, entryId: randomUUID(), idempotencyKey: "u", reason: "r" }),
    ).rejects.toMatchObject({ code: "entry_not_found" });
    await expect(reverseEntry(db(), { organizationId: factory, entryId: "nope", idempotencyKey: "u", reason: "r" })).rejects.toMatchObject({
      code: "entry_not_found",
    });
  });

  it("allows only one of many concurrent reversals", async () => {
    const factory = await createOrganization();
    const { entryId } = await collect(factory, 1000n);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => reverseEntry(db(), { organizationId: factory, entryId, idempotencyKey: `undo-${i}`, reason: "r" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "already_reversed" });
    const rows = await db().execute<{ count: bigint }>(sql`select count(*) from journal_entries where reverses_entry_id = ${entryId}`);
    expect(rows[0]!.count).toBe(1n);
  });
});
