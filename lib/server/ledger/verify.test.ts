import { sql, TransactionRollbackError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, type Transaction } from "../../../db/client";
import { reverseEntry } from ".";
import { collect, createOrganization, payout } from "@/tests/fixtures/ledger";
import { checkLedger, formatLedgerReport, type LedgerReport, verifyLedger } from "./verify";

/** Corrupts the ledger with the guard triggers off, checks it, and rolls everything back. */
async function checkCorrupted(corrupt: (tx: Transaction) => Promise<void>): Promise<LedgerReport> {
  let report: LedgerReport | undefined;
  await db()
    .transaction(async (tx) => {
      // Replica mode skips triggers (guards and foreign keys) for this transaction only.
      await tx.execute(sql`set local session_replication_role = replica`);
      await corrupt(tx);
      report = await checkLedger(tx);
      tx.rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    });
  return report!;
}

const invariants = (report: LedgerReport) => Object.fromEntries(report.failures.map((f) => [f.invariant.split(" (")[0], f.firstIds]));

describe("verifyLedger", () => {
  it("reports OK with counts on a consistent ledger", async () => {
    const factory = await createOrganization();
    await collect(factory, 1000n, 6n);
    await payout(db(), factory, 400n);
    await reverseEntry(db(), { organizationId: factory, entryId: (await collect(factory, 50n)).entryId, idempotencyKey: "u", reason: "r" });
    const report = await verifyLedger(db());
    expect(report.failures).toEqual([]);
    expect(report.entries).toBeGreaterThanOrEqual(4);
    expect(formatLedgerReport(report)).toMatch(/^OK: ledger verified \(\d+ entries, \d+ lines, \d+ accounts\)$/);
  });

  it("names each broken invariant and the first offenders in a corrupted ledger", async () => {
    const factory = await createOrganization();
    const other = await createOrganization();
    const { entryId } = await collect(factory, 1000n);
    const reversal = await reverseEntry(db(), { organizationId: factory, entryId, idempotencyKey: "undo", reason: "r" });
    const report = await checkCorrupted(async (tx) => {
      await tx.execute(sql`update ledger_accounts set balance_minor = balance_minor + 1 where organization_id = ${factory}`);
      await tx.execute(sql`update journal_lines set amount_minor = amount_minor * 2 where entry_id = ${reversal.entryId} and organization_id is null`);
      await tx.execute(sql`update journal_entries set organization_id = ${other} where id = ${reversal.entryId}`);
      await tx.execute(sql`update ledger_accounts set allow_negative = true where organization_id = ${factory}`);
    });
    const broken = invariants(report);
    expect(broken["entry lines sum to zero per currency"]).toEqual([reversal.entryId]);
    expect(Object.keys(broken)).toEqual(
      expect.arrayContaining([
        "account balance and line count equal the sum and count of its lines and its last balance_after",
        "each line's balance_after is the running sum of its account's lines",
        "allow_negative matches the account catalogue",
        "lines touch only their entry's organization or the platform, and copy their account's organization",
        "a reversal reverses a non-reversal entry of its own organization, line for line negated",
      ]),
    );
    expect(formatLedgerReport(report)).toMatch(/^FAILED: \d+ invariant\(s\) broken/);
    expect((await verifyLedger(db())).failures).toEqual([]);
  });

  it("catches a balance below zero on an account that may not go negative", async () => {
    const factory = await createOrganization();
    await collect(factory, 10n);
    const report = await checkCorrupted(async (tx) => {
      await tx.execute(sql`alter table ledger_accounts drop constraint ledger_accounts_overdraft_check`);
      await tx.execute(sql`update ledger_accounts set balance_minor = -5 where organization_id = ${factory}`);
    });
    expect(Object.keys(invariants(report))).toContain("accounts that may not go negative never did");
  });

  it("catches an entry with a single line", async () => {
    const factory = await createOrganization();
    const { entryId } = await collect(factory, 10n);
    const report = await checkCorrupted(async (tx) => {
      await tx.execute(sql`delete from journal_lines where entry_id = ${entryId} and organization_id is null`);
    });
    expect(invariants(report)["every entry has at least two lines"]).toEqual([entryId]);
  });
});
