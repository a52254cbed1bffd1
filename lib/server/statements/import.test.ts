import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { incomingPayments, journalEntries, statementImports } from "@/db/schema";
import { camtDocument, mt940Document } from "@/lib/domain/statements/fixtures/writers";
import { createOrganization } from "@/tests/fixtures/people";
import { balanceOf, countRows, credit, openCollectionAccounts, writeTemp } from "@/tests/fixtures/statements";
import { createStatementImport } from "./imports";
import { runStatementImport } from "./run-import";

async function importFile(organizationId: string, file: string, format: "camt.053" | "mt940" = "camt.053") {
  const importId = await createStatementImport(db(), { organizationId, format, fileName: "statement.xml", sha256: "0".repeat(64), sizeBytes: 1, importedBy: null });
  const outcome = await runStatementImport(importId, file);
  const [row] = await db().select().from(statementImports).where(eq(statementImports.id, importId));
  return { importId, outcome, row: row! };
}

async function factory() {
  const organization = await createOrganization();
  const accounts = await openCollectionAccounts(organization.id);
  return { organization, ...accounts, iban: accounts.eur.accountIdentifier };
}

describe("statement import", () => {
  it("stores credits on the organization's collection accounts as receipts (bank clearing → unapplied) and skips the rest", async () => {
    const f = await factory();
    const clearingBefore = await balanceOf(null, "bank_clearing", "EUR");
    const file = await writeTemp(
      "march.xml",
      camtDocument(f.iban, "EUR", [
        credit(f.iban, "EUR", 150_000n, { ref: "RF18539007547034" }),
        credit(f.iban, "EUR", 2_550n, { direction: "debit", text: "Account fee" }),
        credit(f.iban, "EUR", 98_765n),
      ]) + "",
    );
    const other = await writeTemp("other.xml", camtDocument("GB33BUKB20201555555555", "EUR", [credit("GB33BUKB20201555555555", "EUR", 5_000n)]));

    const { outcome, row } = await importFile(f.organization.id, file);
    expect(outcome).toMatchObject({ status: "completed", transactions: 3, imported: 2, duplicates: 0, skipped: 1, balanceMismatch: false });
    expect(row).toMatchObject({ status: "completed", transactionCount: 3, importedCount: 2, duplicateCount: 0 });
    expect(row.summaries).toEqual([expect.objectContaining({ account: f.iban, collectionAccount: true, receipts: 2, skippedDebits: 1, transactions: 3 })]);
    expect(await balanceOf(f.organization.id, "unapplied", "EUR")).toBe(248_765n);
    // Other tests run against the same platform account, but never at the same time (no file parallelism).
    expect(await balanceOf(null, "bank_clearing", "EUR")).toBe(clearingBefore - 248_765n);
    const payments = await db().select().from(incomingPayments).where(eq(incomingPayments.organizationId, f.organization.id));
    expect(payments.map((p) => [p.amountMinor, p.unappliedMinor, p.matchStatus, p.source, p.collectionAccountId])).toEqual(
      expect.arrayContaining([
        [150_000n, 150_000n, "unmatched", "bank_transfer", f.eur.id],
        [98_765n, 98_765n, "unmatched", "bank_transfer", f.eur.id],
      ]),
    );
    const rf = payments.find((p) => p.amountMinor === 150_000n)!;
    expect(rf).toMatchObject({ reference: "RF18539007547034", payerName: "Harbor Lights Trading LLC" });
    const [entry] = await db().select().from(journalEntries).where(eq(journalEntries.id, rf.receiptEntryId!));
    expect(entry).toMatchObject({ type: "collection_receipt", idempotencyKey: `receipt:${rf.id}`, organizationId: f.organization.id });

    const skipped = await importFile(f.organization.id, other);
    expect(skipped.outcome).toMatchObject({ status: "completed", transactions: 1, imported: 0, skipped: 1 });
    expect(skipped.row.summaries).toEqual([expect.objectContaining({ collectionAccount: false, skippedNotOurs: 1 })]);
  });

  it("adds nothing when the same file is imported again", async () => {
    const f = await factory();
    const file = await writeTemp("twice.xml", camtDocument(f.iban, "EUR", [credit(f.iban, "EUR", 10_000n), credit(f.iban, "EUR", 20_000n)]));
    await importFile(f.organization.id, file);
    const before = await countRows(f.organization.id);
    const again = await importFile(f.organization.id, file);
    expect(again.outcome).toMatchObject({ status: "completed", imported: 0, duplicates: 2 });
    expect(await countRows(f.organization.id)).toEqual(before);
    expect(await balanceOf(f.organization.id, "unapplied", "EUR")).toBe(30_000n);
  });

  it("posts each transaction once when two overlapping files are imported at the same time", async () => {
    const f = await factory();
    const shared = Array.from({ length: 1_500 }, (_, i) => credit(f.iban, "EUR", BigInt(100 + i)));
    const onlyA = Array.from({ length: 300 }, () => credit(f.iban, "EUR", 7n));
    const onlyB = Array.from({ length: 200 }, () => credit(f.iban, "EUR", 11n));
    const a = await writeTemp("a.xml", camtDocument(f.iban, "EUR", [...onlyA, ...shared]));
    const b = await writeTemp("b.xml", camtDocument(f.iban, "EUR", [...shared.toReversed(), ...onlyB]));
    const [first, second] = await Promise.all([importFile(f.organization.id, a), importFile(f.organization.id, b)]);
    expect((first.outcome as { imported: number }).imported + (second.outcome as { imported: number }).imported).toBe(2_000);
    const expected = shared.reduce((sum, t) => sum + t.amountMinor, 0n) + 300n * 7n + 200n * 11n;
    expect(await balanceOf(f.organization.id, "unapplied", "EUR")).toBe(expected);
    expect(await countRows(f.organization.id)).toEqual({ payments: 2_000, entries: 2_000 });
  });

  it("refuses a malformed file with the element at fault and imports nothing", async () => {
    const f = await factory();
    const good = camtDocument(f.iban, "EUR", [credit(f.iban, "EUR", 10_000n), credit(f.iban, "EUR", 20_000n, { bankRef: "BAD-AMOUNT" })]);
    const file = await writeTemp("bad.xml", good.replace('<Amt Ccy="EUR">200.00</Amt>', '<Amt Ccy="EUR">2O0.00</Amt>'));
    const { outcome, row } = await importFile(f.organization.id, file);
    expect(outcome.status).toBe("failed");
    const failure = JSON.parse(row.error!) as { code: string; params: { element?: string; line?: number } };
    expect(failure.code).toMatch(/^statement_/);
    expect(failure.params.element ?? failure.params.line).toBeDefined();
    expect(row).toMatchObject({ status: "failed", importedCount: 0 });
    expect(await countRows(f.organization.id)).toEqual({ payments: 0, entries: 0 });

    const mt940 = await writeTemp("bad.sta", mt940Document(f.iban, "EUR", [credit(f.iban, "EUR", 1_000n)]).replace(":61:", ":61:26X3"));
    const refused = await importFile(f.organization.id, mt940, "mt940");
    expect(JSON.parse(refused.row.error!)).toMatchObject({ code: "statement_mt940_malformed", params: { line: 5, element: ":61:" } });
  });

  it("flags a statement whose opening balance plus entries is not its closing balance", async () => {
    const f = await factory();
    const file = await writeTemp("mismatch.xml", camtDocument(f.iban, "EUR", [credit(f.iban, "EUR", 10_000n)], { openingMinor: 500n, closingMinor: 10_000n }));
    const { outcome, row } = await importFile(f.organization.id, file);
    expect(outcome).toMatchObject({ status: "completed", imported: 1, balanceMismatch: true });
    expect(row.balanceMismatch).toBe(true);
    expect(row.summaries).toEqual([expect.objectContaining({ balanceMismatch: true, openingBalanceMinor: "500", closingBalanceMinor: "10000" })]);
  });

  it("reverses a still-unapplied receipt the bank takes back, and flags a reversal it cannot place", async () => {
    const f = await factory();
    const paid = credit(f.iban, "EUR", 40_000n);
    await importFile(f.organization.id, await writeTemp("in.xml", camtDocument(f.iban, "EUR", [paid])));
    const reversal = { ...paid, direction: "debit" as const, reversal: true };
    const unknown = credit(f.iban, "EUR", 5_000n, { direction: "debit", reversal: true });
    const file = await writeTemp("back.xml", camtDocument(f.iban, "EUR", [reversal, unknown]));
    const { outcome, row } = await importFile(f.organization.id, file);
    expect(outcome).toMatchObject({ status: "completed", imported: 0 });
    expect(row.summaries).toEqual([expect.objectContaining({ reversals: 2, reversed: 1, reversalsFlagged: 1, flaggedBankRefs: [unknown.bankRef] })]);
    const [payment] = await db().select().from(incomingPayments).where(eq(incomingPayments.organizationId, f.organization.id));
    expect(payment).toMatchObject({ matchStatus: "reversed", unappliedMinor: 0n });
    expect(await balanceOf(f.organization.id, "unapplied", "EUR")).toBe(0n);

    const again = await importFile(f.organization.id, file);
    expect(again.row.summaries).toEqual([expect.objectContaining({ reversed: 0, reversalsFlagged: 1 })]);
    expect(await countRows(f.organization.id)).toEqual({ payments: 1, entries: 2 });
  });

  it("reads MT940 statements of the USD account", async () => {
    const f = await factory();
    const account = f.usd.accountIdentifier;
    const file = await writeTemp("usd.sta", mt940Document(account, "USD", [credit(account, "USD", 1_234_500n, { ref: "RF18539007547034" }), credit(account, "USD", 1_500n, { direction: "debit" })]));
    const { outcome } = await importFile(f.organization.id, file, "mt940");
    expect(outcome).toMatchObject({ status: "completed", transactions: 2, imported: 1, skipped: 1 });
    expect(await balanceOf(f.organization.id, "unapplied", "USD")).toBe(1_234_500n);
  });
});
