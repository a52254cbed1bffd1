import { copyFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { statementImports } from "@/db/schema";
import { camtDocument } from "@/lib/domain/statements/fixtures/writers";
import { createOrganization } from "@/tests/fixtures/people";
import { balanceOf, countRows, credit, openCollectionAccounts, writeTemp } from "@/tests/fixtures/statements";
import { importSettings, keepForImport } from "./files";
import { createStatementImport } from "./imports";
import { resumeStalledImports, runStoredImport } from "./runner";
import { storeReceipts } from "./store-receipts";

describe("an import cut short", () => {
  it("is run again from its kept file by the resume job, storing what the first run had not, once", async () => {
    const organization = await createOrganization();
    const { eur } = await openCollectionAccounts(organization.id);
    const iban = eur.accountIdentifier;
    const transactions = [credit(iban, "EUR", 1_000n), credit(iban, "EUR", 2_000n), credit(iban, "EUR", 3_000n)];
    const upload = await writeTemp("crashed.xml", camtDocument(iban, "EUR", transactions));
    const importId = await createStatementImport(db(), { organizationId: organization.id, format: "camt.053", fileName: "crashed.xml", sha256: "0".repeat(64), sizeBytes: 1, importedBy: null });
    const kept = `${upload}.kept`;
    await copyFile(upload, kept);
    await keepForImport(kept, importId, {});
    // The first run stored one batch, then its process stopped: the row still says processing.
    await db().transaction((tx) =>
      storeReceipts(tx, {
        organizationId: organization.id,
        statementImportId: importId,
        createdBy: null,
        rows: [{ collectionAccountId: eur.id, accountIdentifier: iban, bankRef: transactions[0]!.bankRef, currency: "EUR", amountMinor: 1_000n, bookingDate: "2026-03-02", valueDate: "2026-03-02" }],
      }),
    );
    await db().update(statementImports).set({ createdAt: new Date(Date.now() - 10 * 60_000) }).where(eq(statementImports.id, importId));

    expect(await resumeStalledImports()).toBeGreaterThanOrEqual(1);
    const [row] = await db().select().from(statementImports).where(eq(statementImports.id, importId));
    expect(row).toMatchObject({ status: "completed", transactionCount: 3, importedCount: 3, duplicateCount: 0 });
    expect(await countRows(organization.id)).toEqual({ payments: 3, entries: 3 });
    expect(await balanceOf(organization.id, "unapplied", "EUR")).toBe(6_000n);
    // Its file is gone once complete: nothing is left to run again.
    expect(await importSettings(importId)).toBeNull();
    expect(await runStoredImport(importId)).toBeNull();
  });
});
