import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { csvMappings, invoices, statementImports } from "@/db/schema";
import { camtDocument } from "@/lib/domain/statements/fixtures/writers";
import { statementImport as runOpsImport } from "@/scripts/ops/statement-import";
import { createIssuedInvoiceScenario } from "@/tests/fixtures/invoices";
import { createTeam, signedIn } from "@/tests/fixtures/people";
import { balanceOf, countRows, credit, openCollectionAccounts, writeTemp } from "@/tests/fixtures/statements";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { deleteCsvMappingAction, saveCsvMappingAction } from "./csv-mappings";
import { importStatusAction } from "./queries";
import { uploadStatementAction } from "./upload";

const bodyOf = (text: string) => new Blob([text]).stream();

async function upload(request: RequestContext, org: string, content: string, extra: Record<string, unknown> = {}) {
  return executeAction(uploadStatementAction, { org, fileName: "statement.xml", body: bodyOf(content), ...extra }, request);
}

/** Polls the status action as the page does, until the import has finished. */
async function finished(request: RequestContext, org: string, importId: string) {
  for (let i = 0; i < 600; i++) {
    const status = await executeAction(importStatusAction, { org, importId }, request);
    if (!status.ok) throw new Error(JSON.stringify(status));
    if (status.data.status !== "processing") return status.data;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("import did not finish");
}

describe("statement upload", () => {
  it("imports an uploaded camt.053 and matches a credit quoting an invoice's RF reference", async () => {
    const { team, invoice } = await createIssuedInvoiceScenario({ currency: "EUR" });
    const { eur } = await openCollectionAccounts(team.organization.id);
    const iban = eur.accountIdentifier;
    const deposit = 30n * invoice.totalMinor / 100n;
    const file = camtDocument(iban, "EUR", [credit(iban, "EUR", invoice.totalMinor - deposit + deposit, { ref: invoice.rfReference! }), credit(iban, "EUR", 4_200n, { text: "Unrelated" })]);
    const finance = await signedIn(team.finance);
    const result = await upload(finance, team.organization.slug, file);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { format: "camt.053" } });
    const status = await finished(finance, team.organization.slug, (result as { ok: true; data: { importId: string } }).data.importId);
    expect(status).toMatchObject({ status: "completed", total: 2, transactionCount: 2, importedCount: 2, matchedCount: 1, duplicateCount: 0 });
    const [paid] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(paid!.status).toBe("paid");
    expect(await balanceOf(team.organization.id, "unapplied", "EUR")).toBe(4_200n);
  });

  it("refuses another organization's member and a viewer, and writes nothing", async () => {
    const team = await createTeam();
    const stranger = await createTeam();
    const { eur } = await openCollectionAccounts(team.organization.id);
    const file = camtDocument(eur.accountIdentifier, "EUR", [credit(eur.accountIdentifier, "EUR", 1_000n)]);
    expect(await upload(await signedIn(stranger.owner), team.organization.slug, file)).toMatchObject({ ok: false, code: "not_found" });
    expect(await upload(await signedIn(team.viewer), team.organization.slug, file)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db().select().from(statementImports).where(eq(statementImports.organizationId, team.organization.id))).toEqual([]);
    expect(await countRows(team.organization.id)).toEqual({ payments: 0, entries: 0 });
  });

  it("reports a malformed upload as failed with the element at fault, and an empty one as refused", async () => {
    const team = await createTeam();
    const finance = await signedIn(team.finance);
    const { eur } = await openCollectionAccounts(team.organization.id);
    const broken = camtDocument(eur.accountIdentifier, "EUR", [credit(eur.accountIdentifier, "EUR", 1_000n)]).replace("<BookgDt><Dt>2026-03-02</Dt>", "<BookgDt><Dt>2026-02-30</Dt>");
    const result = await upload(finance, team.organization.slug, broken);
    const status = await finished(finance, team.organization.slug, (result as { ok: true; data: { importId: string } }).data.importId);
    expect(status.status).toBe("failed");
    expect(status.error).toMatchObject({ code: expect.stringMatching(/^statement_/), params: { element: expect.stringContaining("BookgDt") } });
    expect(await countRows(team.organization.id)).toEqual({ payments: 0, entries: 0 });
    expect(await upload(finance, team.organization.slug, "")).toMatchObject({ ok: false, code: "statement_file_empty" });
  });

  it("reads CSV uploads with the bank's saved mapping, and asks for one otherwise", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const { usd } = await openCollectionAccounts(team.organization.id);
    const csv = `Posting Date,Type,Amount,Reference Number,Payer/Payee,Description\n03/11/2026,CREDIT,"12,000.00",FED-88121,Great Lakes Supply,INV-2026-0020\n03/11/2026,DEBIT,15.00,FED-88122,,Wire fee\n`;
    expect(await upload(owner, team.organization.slug, csv, { fileName: "fed.csv" })).toMatchObject({ ok: false, code: "statement_csv_mapping_required" });
    const mapping = {
      dateFormat: "MM/DD/YYYY",
      decimalSeparator: ".",
      columns: { amount: "Amount", direction: { column: "Type", creditValue: "CREDIT", debitValue: "DEBIT" }, bookingDate: "Posting Date", bankRef: "Reference Number", party: "Payer/Payee", text: "Description" },
      defaults: { account: usd.accountIdentifier, currency: "USD" },
    };
    expect(await executeAction(saveCsvMappingAction, { org: team.organization.slug, bankName: "Fed Bank", mapping }, owner)).toMatchObject({ ok: true });
    const result = await upload(owner, team.organization.slug, csv, { fileName: "fed.csv", bank: "fed bank" });
    expect(result).toMatchObject({ ok: true, data: { format: "csv" } });
    const status = await finished(owner, team.organization.slug, (result as { ok: true; data: { importId: string } }).data.importId);
    expect(status).toMatchObject({ status: "completed", importedCount: 1, skippedCount: 1 });
    expect(await balanceOf(team.organization.id, "unapplied", "USD")).toBe(1_200_000n);
  });
});

describe("CSV mappings", () => {
  it("need an account and a currency (a column or a default), stay within the organization, and are refused to a viewer", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const org = team.organization.slug;
    const mapping = { dateFormat: "YYYY-MM-DD", decimalSeparator: ".", columns: { amount: "Amount", bookingDate: "Date", bankRef: "Ref", currency: "Ccy" } };
    expect(await executeAction(saveCsvMappingAction, { org, bankName: "Bank A", mapping }, owner)).toMatchObject({ ok: false, code: "statement_csv_mapping_needs_account" });
    const withAccount = { ...mapping, columns: { ...mapping.columns, account: "Account" } };
    expect(await executeAction(saveCsvMappingAction, { org, bankName: "Bank A", mapping: withAccount }, await signedIn(team.viewer))).toMatchObject({ ok: false, code: "forbidden" });
    const saved = await executeAction(saveCsvMappingAction, { org, bankName: "Bank A", mapping: withAccount }, owner);
    const again = await executeAction(saveCsvMappingAction, { org, bankName: "bank a", mapping: { ...withAccount, decimalSeparator: "," } }, owner);
    expect(again).toEqual(saved);
    const stored = await db().select().from(csvMappings).where(eq(csvMappings.organizationId, team.organization.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.mapping).toMatchObject({ decimalSeparator: "," });
    const stranger = await createTeam();
    const id = (saved as { ok: true; data: { id: string } }).data.id;
    expect(await executeAction(deleteCsvMappingAction, { org: stranger.organization.slug, mappingId: id }, await signedIn(stranger.owner))).toMatchObject({ ok: false, code: "statement_csv_mapping_not_found" });
    expect(await executeAction(deleteCsvMappingAction, { org, mappingId: id }, owner)).toMatchObject({ ok: true });
  });
});

describe("npm run ops -- statement:import", () => {
  it("imports a file for an organization named by slug and prints a JSON summary; refuses a bad file", async () => {
    const team = await createTeam();
    const { eur } = await openCollectionAccounts(team.organization.id);
    const iban = eur.accountIdentifier;
    const good = await writeTemp("ops.xml", camtDocument(iban, "EUR", [credit(iban, "EUR", 77_700n)]));
    const lines: string[] = [];
    const errors: string[] = [];
    expect(await runOpsImport([good, "--org", team.organization.slug], (l) => lines.push(l), (l) => errors.push(l))).toBe(0);
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: "completed", format: "camt.053", transactions: 1, imported: 1, duplicates: 0 });
    expect(await runOpsImport([good, "--org", team.organization.id], (l) => lines.push(l), (l) => errors.push(l))).toBe(0);
    expect(JSON.parse(lines[1]!)).toMatchObject({ imported: 0, duplicates: 1 });

    const bad = await writeTemp("bad.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Document/>');
    expect(await runOpsImport([bad, "--org", team.organization.slug], (l) => lines.push(l), (l) => errors.push(l))).toBe(1);
    expect(errors.at(-1)).toMatch(/Refused .*bad\.xml: XML with a DTD or entity declarations is refused\. Nothing was imported\./);
    expect(await runOpsImport([good, "--org", "no-such-factory"], (l) => lines.push(l), (l) => errors.push(l))).toBe(1);
    expect(await countRows(team.organization.id)).toEqual({ payments: 1, entries: 1 });
  });
});
