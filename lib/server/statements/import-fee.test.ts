import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { feeCharges, feeSchedules, journalEntries } from "@/db/schema";
import { STANDARD_FEE_SCHEDULE, toStoredFeeSchedule } from "@/lib/domain/fees";
import { camtDocument } from "@/lib/domain/statements/fixtures/writers";
import { accountBalance, collect, org } from "@/tests/fixtures/ledger";
import { createOrganization } from "@/tests/fixtures/people";
import { credit, openCollectionAccounts, writeTemp } from "@/tests/fixtures/statements";
import { checkLedger } from "../ledger/verify";
import { statementImportFeesOn } from "./import-fee";
import { createStatementImport } from "./imports";
import { runStatementImport } from "./run-import";

/** An organization with EUR and USD collection accounts, EUR 100.00 available, priced on `statementImportFixed`. */
async function factory(statementImportFixed: Record<string, bigint> | null) {
  const organization = await createOrganization();
  const accounts = await openCollectionAccounts(organization.id);
  if (statementImportFixed) {
    const schedule = { ...STANDARD_FEE_SCHEDULE, statementImportFixed };
    await db().insert(feeSchedules).values({ organizationId: organization.id, version: 1, effectiveFrom: schedule.effectiveFrom, schedule: toStoredFeeSchedule(schedule) });
  }
  await collect(organization.id, 10_000n, 0n, "EUR");
  const file = await writeTemp("statement.xml", camtDocument(accounts.eur.accountIdentifier, "EUR", [credit(accounts.eur.accountIdentifier, "EUR", 5_000n)]));
  return { organizationId: organization.id, file };
}

async function importFile(organizationId: string, file: string) {
  const importId = await createStatementImport(db(), { organizationId, format: "camt.053", fileName: "statement.xml", sha256: "0".repeat(64), sizeBytes: 1, importedBy: null });
  expect(await runStatementImport(importId, file)).toMatchObject({ status: "completed" });
  return importId;
}

async function importFees(organizationId: string) {
  return db().select().from(journalEntries).where(and(eq(journalEntries.organizationId, organizationId), eq(journalEntries.type, "statement_import_fee")));
}

describe("statement import fee", () => {
  it("charges the schedule's fixed fee once per completed import, from available, as its own line and fee charge", async () => {
    const { organizationId, file } = await factory({ EUR: 200n, USD: 300n });
    const importId = await importFile(organizationId, file);
    const [entry] = await importFees(organizationId);
    expect(entry).toMatchObject({ idempotencyKey: `statement-import-fee:${importId}:EUR`, causeType: "statement_import", causeId: importId });
    const charges = await db().select().from(feeCharges).where(eq(feeCharges.entryId, entry!.id));
    expect(charges).toMatchObject([{ type: "statement_import", currency: "EUR", basisMinor: null, rate: null, amountMinor: 200n }]);
    // Only the currency the file carried is charged; the credit itself waits unapplied, charged nothing yet.
    expect(await accountBalance(org(organizationId, "available", "EUR"))).toBe(10_000n - 200n);
    expect(await accountBalance(org(organizationId, "unapplied", "EUR"))).toBe(5_000n);

    // A run of the same import again (after a crash) charges nothing more; a new import of the file is charged.
    await runStatementImport(importId, file);
    expect(await importFees(organizationId)).toHaveLength(1);
    expect(await db().select().from(feeCharges).where(eq(feeCharges.entryId, entry!.id))).toHaveLength(1);
    await importFile(organizationId, file);
    expect(await importFees(organizationId)).toHaveLength(2);
    expect(await accountBalance(org(organizationId, "available", "EUR"))).toBe(10_000n - 400n);
    expect((await db().transaction((tx) => checkLedger(tx))).failures).toEqual([]);
  });

  it("charges nothing on the standard schedule, and never overdraws available to charge it", async () => {
    const standard = await factory(null);
    await importFile(standard.organizationId, standard.file);
    expect(await importFees(standard.organizationId)).toEqual([]);

    const costly = await factory({ EUR: 20_000n });
    await importFile(costly.organizationId, costly.file);
    expect(await importFees(costly.organizationId)).toEqual([]);
    expect(await accountBalance(org(costly.organizationId, "available", "EUR"))).toBe(10_000n);
  });

  it("tells before an upload what the schedule in effect charges per imported statement, and nothing on the standard schedule", async () => {
    const priced = await factory({ USD: 300n, EUR: 200n });
    expect(await statementImportFeesOn(priced.organizationId)).toEqual([
      { currency: "EUR", amountMinor: 200n },
      { currency: "USD", amountMinor: 300n },
    ]);
    const standard = await factory(null);
    expect(await statementImportFeesOn(standard.organizationId)).toEqual([]);
  });
});
