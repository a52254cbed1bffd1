import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { buyers, collectionAccounts, invoices } from "@/db/schema";
import type { StatementFormat, StatementTransaction } from "@/lib/domain/statements";
import { camtDocument, mt940Document } from "@/lib/domain/statements/fixtures/writers";
import { describeFile } from "@/lib/server/statements/files";
import { createStatementImport } from "@/lib/server/statements/imports";
import { runStatementImport } from "@/lib/server/statements/run-import";
import type { FoundationSeed } from "./foundation";

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Two bank statements of Haiguang's collection accounts, imported as a finance user would: a camt.053 of the EUR
 * IBAN and an MT940 of the USD account. Credits pay the newest open invoices of their currency by RF reference,
 * one names its invoice number only in the text, two name nothing (they wait in the unmatched queue), and each
 * statement carries a bank fee debit that is skipped. Leaves the oldest open invoices to the payments seed.
 */
export async function seedStatements(tx: Transaction, foundation: FoundationSeed): Promise<void> {
  const organizationId = foundation.factory.id;
  const accounts = await tx.select().from(collectionAccounts).where(eq(collectionAccounts.organizationId, organizationId));
  const open = await tx
    .select({ number: invoices.number, rfReference: invoices.rfReference, currency: invoices.currency, totalMinor: invoices.totalMinor, paidMinor: invoices.paidMinor, buyerName: buyers.name })
    .from(invoices)
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(and(eq(invoices.organizationId, organizationId), inArray(invoices.status, ["open", "partially_paid"])))
    .orderBy(desc(invoices.number));
  const dir = await mkdtemp(path.join(tmpdir(), "quayside-seed-statements-"));
  try {
    for (const [currency, format] of [
      ["EUR", "camt.053"],
      ["USD", "mt940"],
    ] as const) {
      const account = accounts.find((a) => a.currency === currency);
      if (!account) continue;
      const owed = open.filter((invoice) => invoice.currency === currency).slice(0, 3);
      const id = account.accountIdentifier;
      const line = (i: number, amountMinor: bigint, extra: Partial<StatementTransaction>): StatementTransaction => ({
        account: id,
        currency,
        direction: "credit",
        amountMinor,
        bookingDate: daysAgo(3),
        valueDate: daysAgo(3),
        bankRef: `${currency}${daysAgo(3).replace(/-/g, "")}${String(i).padStart(4, "0")}`,
        reversal: false,
        ...extra,
      });
      const transactions: StatementTransaction[] = owed.map((invoice, i) =>
        i === 0
          ? line(i, invoice.totalMinor - invoice.paidMinor, { text: `PAYMENT ${invoice.number} ORDER CONFIRMED`, party: invoice.buyerName.toUpperCase() })
          : line(i, invoice.totalMinor - invoice.paidMinor, { ref: invoice.rfReference!, text: `INVOICE ${invoice.number}`, party: invoice.buyerName }),
      );
      transactions.push(
        line(10, currency === "EUR" ? 1_250_000n : 864_000n, { text: "PO 2026-118 ADVANCE", party: currency === "EUR" ? "Rotterdam Fastening BV" : "Great Lakes Supply Co" }),
        line(11, currency === "EUR" ? 48_500n : 212_040n, { text: "SAMPLES", party: currency === "EUR" ? "Hamburg Werkzeug GmbH" : "Pacific Rim Outfitters Pty Ltd" }),
        line(12, currency === "EUR" ? 1_500n : 3_500n, { direction: "debit", text: "Incoming transfer fees" }),
      );
      const text = format === "camt.053" ? camtDocument(id, currency, transactions, { openingMinor: 0n }) : mt940Document(id, currency, transactions, { reference: "HGSTMT" });
      const file = path.join(dir, format === "camt.053" ? "haiguang-eur.xml" : "haiguang-usd.sta");
      await writeFile(file, text);
      await importSeedFile(tx, organizationId, foundation.userIds.finance, file, format);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function importSeedFile(tx: Transaction, organizationId: string, userId: string, file: string, format: StatementFormat): Promise<void> {
  const { sha256, sizeBytes } = await describeFile(file);
  const importId = await createStatementImport(tx, { organizationId, format, fileName: path.basename(file), sha256, sizeBytes, importedBy: userId });
  const outcome = await runStatementImport(importId, file, { executor: tx });
  if (outcome.status !== "completed") throw new Error(`Seed statement ${file} was refused: ${JSON.stringify(outcome.error)}`);
}
