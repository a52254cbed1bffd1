import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { addDays } from "@/lib/domain/invoices";
import { invoiceSearchSchema } from "@/lib/domain/invoices/list-search";
import { paymentSearchSchema } from "@/lib/domain/payments/list-search";
import { localDateOf } from "@/lib/domain/time/local-day";
import { createApprovedTeam, createTestBuyer, createTestInvoice } from "@/tests/fixtures/invoices";
import { signedIn } from "@/tests/fixtures/people";
import { openCollectionAccounts } from "@/tests/fixtures/statements";
import { executeAction } from "../guard/execute-action";
import { listInvoices } from "../invoices/list";
import { listPayments } from "../matching/payment-list";
import { simulateIncomingTransfer } from "../matching/sandbox-transfer";
import { exportInvoicesAction } from "./invoices";
import { exportPaymentsAction } from "./payments";
import { exportResponse } from "./respond";

const NET_30 = { kind: "single", days: "30", anchor: "issue" } as const;
const lines = (unitPrice: string) => [{ description: "Angle grinder 115 mm", quantity: "1", unit: "pcs", unitPrice }];

/** Nine invoices on three issue dates with equal totals: many ties for every order. */
async function tiedInvoices() {
  const team = await createApprovedTeam();
  const buyer = await createTestBuyer(team.organization.id, team.owner.id, { name: `=cmd|' /C calc'!A0 ${crypto.randomUUID().slice(0, 4)}` });
  const today = localDateOf(new Date(), team.organization.timezone);
  for (let i = 0; i < 9; i++) {
    await createTestInvoice(team.organization.id, team.owner.id, buyer.id, { issueDate: addDays(today, -60 - (i % 3)), lines: lines(i % 2 ? "100.00" : "250.50"), terms: NET_30 });
  }
  return { team, buyer, today };
}

describe("keyset pages", () => {
  it("walk every invoice once in each order, however many share the sort value", async () => {
    const { team, today } = await tiedInvoices();
    for (const sort of ["issued", "due", "amount"] as const) {
      for (const dir of ["desc", "asc"] as const) {
        const seen: string[] = [];
        let after = "";
        do {
          const page = await listInvoices(team.organization.id, invoiceSearchSchema.parse({ sort, dir, after }), 2, undefined, today);
          seen.push(...page.rows.map((row) => row.id));
          after = page.nextCursor ?? "";
        } while (after);
        const all = (await listInvoices(team.organization.id, invoiceSearchSchema.parse({ sort, dir }), 100, undefined, today)).rows;
        expect(seen).toEqual(all.map((row) => row.id));
        expect(new Set(seen).size).toBe(9);
        const values = all.map((row) => (sort === "amount" ? Number(row.totalMinor) : sort === "issued" ? row.issueDate : (row.nextDueDate ?? "9999")));
        expect(values).toEqual([...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * (dir === "asc" ? 1 : -1)));
      }
    }
  });

  it("list the invoices of an aging bucket: all of them owe an instalment due in its range", async () => {
    const { team, today } = await tiedInvoices();
    const search = (aging: string) => invoiceSearchSchema.parse({ aging });
    // Issued 60–62 days ago on net 30: due 30–32 days ago, so 1–30 holds the one due exactly 30 days ago.
    expect((await listInvoices(team.organization.id, search("1-30"), 50, undefined, today)).rows).toHaveLength(3);
    expect((await listInvoices(team.organization.id, search("31-60"), 50, undefined, today)).rows).toHaveLength(6);
    expect((await listInvoices(team.organization.id, search("current"), 50, undefined, today)).rows).toHaveLength(0);
  });
});

describe("list exports", () => {
  it("write the filtered invoice list to CSV and XLSX with the same rows, exact amounts and defused formulas", async () => {
    const { team } = await tiedInvoices();
    const request = await signedIn(team.viewer);
    const input = { org: team.organization.slug, aging: "31-60", sort: "amount", dir: "desc" };

    const csv = await executeAction(exportInvoicesAction, { ...input, format: "csv" }, request);
    if (!csv.ok) throw new Error(csv.code);
    const response = exportResponse(csv.data.format, csv.data.spec);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(["number", "buyer", "status", "currency", "issue_date", "next_due_date", "total", "paid", "outstanding"]);
    expect(parsed.data).toHaveLength(6);
    expect(parsed.data.map((row) => row.total)).toEqual(["250.50", "250.50", "250.50", "100.00", "100.00", "100.00"]);
    expect(parsed.data[0]!.buyer!.startsWith("'=")).toBe(true);

    const xlsx = await executeAction(exportInvoicesAction, { ...input, format: "xlsx" }, request);
    if (!xlsx.ok) throw new Error(xlsx.code);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exportResponse(xlsx.data.format, xlsx.data.spec).arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(1).value).toBe("Invoice number");
    expect(sheet.getRow(2).getCell(7).value).toBe(250.5);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe("#,##0.00");
    expect(String(sheet.getRow(2).getCell(2).value).startsWith("=cmd")).toBe(true);
    expect(sheet.getRow(2).getCell(2).formula).toBeUndefined();
    expect((sheet.getRow(2).getCell(5).value as Date).toISOString().slice(0, 10)).toBe(parsed.data[0]!.issue_date);

    const audited = await db().select().from(auditLog).where(and(eq(auditLog.action, "invoices.export"), eq(auditLog.organizationId, team.organization.id)));
    expect(audited.map((row) => row.summary)).toEqual([
      { format: "csv", filter: expect.objectContaining({ aging: "31-60", sort: "amount" }) },
      { format: "xlsx", filter: expect.objectContaining({ aging: "31-60", sort: "amount" }) },
    ]);
    expect(audited.every((row) => row.actorUserId === team.viewer.id)).toBe(true);
  });

  it("refuses another organization and a bad format, and exports payments as the list shows them", async () => {
    const { team } = await tiedInvoices();
    const other = await createApprovedTeam();
    expect(await executeAction(exportInvoicesAction, { org: team.organization.slug }, await signedIn(other.owner))).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(exportInvoicesAction, { org: team.organization.slug, format: "pdf" }, await signedIn(team.owner))).toMatchObject({ ok: false, code: "invalid_input" });

    await openCollectionAccounts(team.organization.id);
    for (const amountMinor of [5_000n, 7_500n]) {
      await db().transaction((tx) => simulateIncomingTransfer(tx, { organizationId: team.organization.id, currency: "USD", amountMinor, payerName: "NORTHWIND", remittanceText: "PO 77", createdBy: team.finance.id }));
    }
    const payments = await executeAction(exportPaymentsAction, { org: team.organization.slug, tab: "all", format: "csv" }, await signedIn(team.finance));
    if (!payments.ok) throw new Error(payments.code);
    const text = (await exportResponse("csv", payments.data.spec).text()).replace(/^\uFEFF/, "");
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const listed = await listPayments(team.organization.id, paymentSearchSchema.parse({ tab: "all" }));
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.bank_ref)).toEqual(listed.payments.map((payment) => payment.bankRef));
    expect(rows.map((row) => row.amount).sort()).toEqual(["50.00", "75.00"]);
  });
});
