import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AccountRef, accountKey, mayGoNegative } from "./accounts";
import { type EntryDraft, type EntryLine, validateEntry } from "./entry";
import { LedgerError } from "./errors";
import { canonicalRequest } from "./request";
import { type PostedEntry, reversalOf } from "./reversal";

/*
 * An in-memory ledger built only from the domain functions, driven by random sequences
 * of postings, reversals and retries. It mirrors what the database enforces (one entry
 * per idempotency key, one reversal per entry, no overdraft) and checks every invariant
 * after every step, including after refusals, which must change nothing.
 */

const ORGS = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
const CURRENCIES = ["USD", "JPY"];

interface StoredEntry extends PostedEntry {
  readonly idempotencyKey: string;
  readonly requestHash: string;
}

type Outcome = { entryId: string; replayed: boolean } | { refused: string };

class LedgerModel {
  readonly balances = new Map<string, { account: AccountRef; balance: bigint }>();
  readonly entries: StoredEntry[] = [];
  private readonly byKey = new Map<string, StoredEntry>();
  private readonly reversed = new Set<string>();

  post(draft: EntryDraft): Outcome {
    try {
      return this.apply(draft);
    } catch (error) {
      if (error instanceof LedgerError) return { refused: error.code };
      throw error;
    }
  }

  private apply(draft: EntryDraft): Outcome {
    const entry = validateEntry(draft);
    const requestHash = canonicalRequest(entry);
    const scopedKey = `${entry.organizationId}|${entry.idempotencyKey}`;
    const existing = this.byKey.get(scopedKey);
    if (existing) {
      if (existing.requestHash !== requestHash) throw new LedgerError("idempotency_conflict", "key reused");
      return { entryId: existing.id, replayed: true };
    }
    if (entry.reversesEntryId !== null) {
      if (!this.entries.some((e) => e.id === entry.reversesEntryId)) throw new LedgerError("entry_not_found", "no entry");
      if (this.reversed.has(entry.reversesEntryId)) throw new LedgerError("already_reversed", "reversed");
    }
    for (const { account, amountMinor } of entry.lines) {
      const after = (this.balances.get(accountKey(account))?.balance ?? 0n) + amountMinor;
      if (after < 0n && !mayGoNegative(account.kind)) throw new LedgerError("insufficient_funds", "overdraft");
    }
    const stored: StoredEntry = { ...entry, id: `entry-${this.entries.length}`, requestHash };
    this.entries.push(stored);
    this.byKey.set(scopedKey, stored);
    if (entry.reversesEntryId !== null) this.reversed.add(entry.reversesEntryId);
    for (const { account, amountMinor } of entry.lines) {
      const key = accountKey(account);
      this.balances.set(key, { account, balance: (this.balances.get(key)?.balance ?? 0n) + amountMinor });
    }
    return { entryId: stored.id, replayed: false };
  }

  checkInvariants(): void {
    const sums = new Map<string, bigint>();
    const reversedIds = new Set<string>();
    for (const entry of this.entries) {
      const perCurrency = new Map<string, bigint>();
      for (const { account, amountMinor } of entry.lines) {
        expect(amountMinor).not.toBe(0n);
        perCurrency.set(account.currency, (perCurrency.get(account.currency) ?? 0n) + amountMinor);
        sums.set(accountKey(account), (sums.get(accountKey(account)) ?? 0n) + amountMinor);
      }
      for (const total of perCurrency.values()) expect(total).toBe(0n);
      if (entry.reversesEntryId !== null) {
        const original = this.entries.find((e) => e.id === entry.reversesEntryId);
        expect(original).toBeDefined();
        expect(original!.reversesEntryId).toBeNull();
        expect(original!.organizationId).toBe(entry.organizationId);
        expect(reversedIds.has(original!.id)).toBe(false);
        reversedIds.add(original!.id);
        const negated = new Map(original!.lines.map((l) => [accountKey(l.account), -l.amountMinor]));
        expect(new Map(entry.lines.map((l) => [accountKey(l.account), l.amountMinor]))).toEqual(negated);
      }
    }
    for (const [key, { account, balance }] of this.balances) {
      expect(balance).toBe(sums.get(key) ?? 0n);
      if (!mayGoNegative(account.kind)) expect(balance).toBeGreaterThanOrEqual(0n);
    }
  }

  snapshot(): string {
    return JSON.stringify([...this.balances].map(([k, v]) => [k, v.balance.toString()])) + this.entries.length;
  }
}

function accountsFor(organizationId: string | null, currency: string): AccountRef[] {
  const platform: AccountRef[] = (["fee_revenue", "fx_position", "bank_clearing", "card_clearing", "payout_clearing"] as const).map(
    (kind) => ({ organizationId: null, kind, currency }),
  );
  if (organizationId === null) return platform;
  return [...(["available", "pending", "reserved"] as const).map((kind) => ({ organizationId, kind, currency })), ...platform];
}

const postOp = fc.record({
  op: fc.constant("post" as const),
  org: fc.integer({ min: 0, max: 2 }),
  currency: fc.constantFrom(...CURRENCIES),
  picks: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 2, maxLength: 4 }),
  amounts: fc.array(fc.bigInt({ min: -5000n, max: 5000n }).filter((a) => a !== 0n), { minLength: 4, maxLength: 4 }),
  key: fc.integer({ min: 0, max: 40 }),
  unbalanced: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
const reverseOp = fc.record({ op: fc.constant("reverse" as const), target: fc.nat(), key: fc.integer({ min: 0, max: 40 }) });
const retryOp = fc.record({ op: fc.constant("retry" as const), target: fc.nat(), changed: fc.boolean() });
const operations = fc.array(fc.oneof({ arbitrary: postOp, weight: 5 }, reverseOp, retryOp), { maxLength: 60 });

type PostOp = typeof postOp extends fc.Arbitrary<infer T> ? T : never;

function draftOf(op: PostOp): EntryDraft | null {
  const organizationId = op.org < ORGS.length ? ORGS[op.org]! : null;
  const pool = accountsFor(organizationId, op.currency);
  const accounts = [...new Set(op.picks.map((i) => i % pool.length))].map((i) => pool[i]!);
  if (accounts.length < 2) return null;
  const amounts = accounts.slice(1).map((_, i) => op.amounts[i]!);
  const first = -amounts.reduce((sum, a) => sum + a, 0n) + (op.unbalanced ? 1n : 0n);
  if (first === 0n) return null;
  const lines: EntryLine[] = [first, ...amounts].map((amountMinor, i) => ({ account: accounts[i]!, amountMinor }));
  return { organizationId, idempotencyKey: `k${op.key}`, type: "transfer", description: "random", lines };
}

describe("ledger model under random postings, reversals and retries", () => {
  it("keeps every invariant, and refusals change nothing", () => {
    fc.assert(
      fc.property(operations, (ops) => {
        const model = new LedgerModel();
        const sent: { draft: EntryDraft; outcome: Outcome }[] = [];
        for (const op of ops) {
          const before = model.snapshot();
          let outcome: Outcome | null = null;
          if (op.op === "post") {
            const draft = draftOf(op);
            if (!draft) continue;
            outcome = model.post(draft);
            if (op.unbalanced) expect(outcome).toEqual({ refused: "unbalanced_entry" });
            sent.push({ draft, outcome });
          } else if (op.op === "reverse" && model.entries.length > 0) {
            const target = model.entries[op.target % model.entries.length]!;
            if (target.reversesEntryId !== null) {
              expect(() => reversalOf(target, { idempotencyKey: `r${op.key}`, reason: "undo" })).toThrow(LedgerError);
              continue;
            }
            const draft = reversalOf(target, { idempotencyKey: `r${op.key}`, reason: "undo" });
            outcome = model.post(draft);
            sent.push({ draft, outcome });
          } else if (op.op === "retry" && sent.length > 0) {
            const previous = sent[op.target % sent.length]!;
            const draft = op.changed ? { ...previous.draft, description: `${previous.draft.description}!` } : previous.draft;
            outcome = model.post(draft);
            if ("entryId" in previous.outcome && !op.changed) {
              expect(outcome).toEqual({ entryId: previous.outcome.entryId, replayed: true });
            }
            if ("entryId" in previous.outcome && op.changed) expect(outcome).toEqual({ refused: "idempotency_conflict" });
          }
          if (outcome && ("refused" in outcome || outcome.replayed)) expect(model.snapshot()).toBe(before);
          model.checkInvariants();
        }
      }),
      { numRuns: 300 },
    );
  });
});
