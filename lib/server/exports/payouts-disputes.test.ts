import { eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { disputes, kybApplications, payouts } from "@/db/schema";
import { organizationDisputeListSchema } from "@/lib/domain/disputes/list-search";
import { payoutSearchSchema } from "@/lib/domain/payouts/list-search";
import { sampleBankAccount } from "@/lib/server/kyb/samples";
import { bankAccountSchema } from "@/lib/server/kyb/schemas";
import { disputeStaffRequests, openCaseAs, openInput, paidInvoiceScenario } from "@/tests/fixtures/disputes";
import { collect } from "@/tests/fixtures/ledger";
import { addMember, createOrganization, createUser, signedIn } from "@/tests/fixtures/people";
import { organizationDisputePage } from "../disputes/queries";
import { executeAction } from "../guard/execute-action";
import { createPayout } from "../payouts/create";
import { listPayoutPage } from "../payouts/list";
import { exportDisputeQueueAction, exportOrganizationDisputesAction } from "./disputes";
import { exportPayoutsAction } from "./payouts";
import { exportResponse } from "./respond";

const csvRows = async (response: Response) => Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });

async function xlsxSheet(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0]!;
}

/** Walks a keyset list page by page and checks it against the whole list in one page: every row once, in order. */
async function walkPages(fetch: (after: string, limit: number) => Promise<{ rows: { id: string }[]; nextCursor: string | null }>, count: number) {
  const seen: string[] = [];
  let after = "";
  do {
    const page = await fetch(after, 2);
    seen.push(...page.rows.map((row) => row.id));
    after = page.nextCursor ?? "";
  } while (after);
  const all = (await fetch("", 100)).rows.map((row) => row.id);
  expect(seen).toEqual(all);
  expect(new Set(seen).size).toBe(count);
  return all;
}

/** Six payouts at two request times and two amounts: ties in every order. */
async function tiedPayouts() {
  const organization = await createOrganization();
  const [owner, viewer] = await Promise.all([createUser({ totp: true }), createUser({ totp: true })]);
  await addMember(organization.id, owner.id, "owner");
  await addMember(organization.id, viewer.id, "viewer");
  await db().insert(kybApplications).values({ organizationId: organization.id, status: "approved", approvedTier: "premium", bankAccount: bankAccountSchema.parse(sampleBankAccount()) });
  await collect(organization.id, 10_000_000n, 0n, "CNY");
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const amountMinor = i % 2 ? 100_000n : 250_050n;
    const created = await db().transaction((tx) => createPayout(tx, { organizationId: organization.id, currency: "CNY", amountMinor, speed: "standard", origin: { kind: "on_demand", requestedBy: owner.id }, now: new Date() }));
    ids.push(created.payoutId);
  }
  await db().update(payouts).set({ requestedAt: new Date("2026-03-02T04:00:00Z") }).where(inArray(payouts.id, ids.slice(0, 3)));
  await db().update(payouts).set({ requestedAt: new Date("2026-03-05T04:00:00Z") }).where(inArray(payouts.id, ids.slice(3)));
  return { organization, owner, viewer };
}

describe("payout list", () => {
  it("pages through ties once in each order, and filters by request date in the organization's days", async () => {
    const { organization } = await tiedPayouts();
    for (const sort of ["requested", "amount"] as const) {
      for (const dir of ["desc", "asc"] as const) {
        await walkPages(async (after, limit) => listPayoutPage(organization.id, payoutSearchSchema.parse({ sort, dir, after }), organization.timezone, limit), 6);
      }
    }
    const march2 = await listPayoutPage(organization.id, payoutSearchSchema.parse({ from: "2026-03-02", to: "2026-03-02", currency: "cny" }), organization.timezone);
    expect(march2.rows).toHaveLength(3);
    expect(march2.rows.every((row) => row.requestedAt.toISOString() === "2026-03-02T04:00:00.000Z")).toBe(true);
  });

  it("exports to CSV and XLSX for a viewer, and answers another organization's user not found", async () => {
    const { organization, viewer } = await tiedPayouts();
    const request = await signedIn(viewer);
    const csv = await executeAction(exportPayoutsAction, { org: organization.slug, sort: "amount", dir: "desc", format: "csv" }, request);
    if (!csv.ok) throw new Error(csv.code);
    const parsed = await csvRows(exportResponse(csv.data.format, csv.data.spec));
    expect(parsed.meta.fields).toEqual(["requested_at", "status", "speed", "currency", "amount", "fees", "net", "requested_by", "id"]);
    expect(parsed.data).toHaveLength(6);
    expect(parsed.data[0]).toMatchObject({ currency: "CNY", amount: "2500.50", status: "Approved", requested_by: expect.any(String) });

    const xlsx = await executeAction(exportPayoutsAction, { org: organization.slug, sort: "amount", dir: "asc", format: "xlsx" }, request);
    if (!xlsx.ok) throw new Error(xlsx.code);
    const sheet = await xlsxSheet(exportResponse(xlsx.data.format, xlsx.data.spec));
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(5).value).toBe("Amount");
    expect(sheet.getRow(2).getCell(5).value).toBe(1000);

    const outsider = await createUser();
    const other = await createOrganization();
    await addMember(other.id, outsider.id, "owner");
    expect(await executeAction(exportPayoutsAction, { org: organization.slug, format: "csv" }, await signedIn(outsider))).toMatchObject({ ok: false, code: "not_found" });
  });
});

/** Five cases of one factory, opened at two instants for two amounts. */
async function tiedDisputes() {
  const s = await paidInvoiceScenario();
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await openCaseAs(s.owner, openInput(s.org, s.invoice.id, { amount: i % 2 ? "100.00" : "250.00" }))).disputeId);
  await db().update(disputes).set({ openedAt: new Date("2026-04-01T08:00:00Z") }).where(inArray(disputes.id, ids.slice(0, 2)));
  await db().update(disputes).set({ openedAt: new Date("2026-04-03T08:00:00Z") }).where(inArray(disputes.id, ids.slice(2)));
  return { ...s, ids };
}

describe("dispute lists", () => {
  it("page the factory's cases once in each order however many share the sort value", async () => {
    const s = await tiedDisputes();
    for (const sort of ["opened", "amount"] as const) {
      for (const dir of ["desc", "asc"] as const) {
        const all = await walkPages((after, limit) => organizationDisputePage(s.orgId, organizationDisputeListSchema.parse({ sort, dir, after }), limit), 5);
        const { rows } = await organizationDisputePage(s.orgId, organizationDisputeListSchema.parse({ sort, dir }));
        expect(rows.map((row) => row.id)).toEqual(all);
        const values = rows.map((row) => (sort === "amount" ? Number(row.disputedMinor) : row.openedAt.getTime()));
        expect(values).toEqual([...values].sort((a, b) => (dir === "asc" ? a - b : b - a)));
      }
    }
  });

  it("export the factory's list for a viewer and the agents' queue for staff only", async () => {
    const s = await tiedDisputes();
    const csv = await executeAction(exportOrganizationDisputesAction, { org: s.org, sort: "amount", dir: "desc", format: "csv" }, s.viewer);
    if (!csv.ok) throw new Error(csv.code);
    const parsed = await csvRows(exportResponse(csv.data.format, csv.data.spec));
    expect(parsed.meta.fields).toEqual(["case", "opened_at", "buyer", "category", "tier", "status", "next_deadline", "outcome", "currency", "disputed", "reserved"]);
    expect(parsed.data).toHaveLength(5);
    expect(parsed.data[0]).toMatchObject({ currency: "USD", disputed: "250.00", category: "Quality claim" });

    const xlsx = await executeAction(exportOrganizationDisputesAction, { org: s.org, format: "xlsx" }, s.viewer);
    if (!xlsx.ok) throw new Error(xlsx.code);
    const sheet = await xlsxSheet(exportResponse(xlsx.data.format, xlsx.data.spec));
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).getCell(1).value).toBe("Case");

    const other = await paidInvoiceScenario();
    expect(await executeAction(exportOrganizationDisputesAction, { org: s.org, format: "csv" }, other.owner)).toMatchObject({ ok: false, code: "not_found" });

    const staff = await disputeStaffRequests();
    const queue = await executeAction(exportDisputeQueueAction, { organization: s.orgId, format: "csv" }, staff.agent);
    if (!queue.ok) throw new Error(queue.code);
    const queued = await csvRows(exportResponse(queue.data.format, queue.data.spec));
    expect(queued.data.map((row) => row.case).sort()).toEqual(
      (await db().select({ number: disputes.number }).from(disputes).where(eq(disputes.organizationId, s.orgId))).map((row) => row.number).sort(),
    );
    expect(queued.meta.fields).toContain("organization");
    expect((await executeAction(exportDisputeQueueAction, { format: "csv" }, s.owner)).ok).toBe(false);
  });
});
