import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, buyers, incomingPayments, invoiceInstalments, paymentAllocations } from "@/db/schema";
import { createApprovedTeam, createTestBuyer, createTestInvoice, NET_60_TERMS } from "@/tests/fixtures/invoices";
import { createTeam, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { createBuyerAction, updateBuyerAction } from "./buyers";
import { buyerOverview, listBuyers, organizationBuyer } from "./queries";

const buyerFields = (extra: Record<string, unknown> = {}) => ({
  name: "Northwind Tools Inc",
  country: "us",
  contacts: [{ name: "Dana Ortiz", email: "AP@Northwind.example" }, { name: "", email: "" }],
  address: "400 Harbor Blvd, Long Beach, CA 90802",
  taxId: "94-1234567",
  defaultCurrency: "usd",
  terms: { kind: "deposit_balance", depositPercent: "30", depositDays: "0", balanceDays: "60", balanceAnchor: "bill_of_lading" },
  ...extra,
});

describe("buyers", () => {
  it("creates and edits a buyer with contacts and default terms, audited", async () => {
    const team = await createTeam();
    const finance = await signedIn(team.finance);
    const org = team.organization.slug;
    const created = await executeAction(createBuyerAction, { org, buyer: buyerFields() }, finance);
    expect(created).toMatchObject({ ok: true });
    const buyerId = (created as { data: { buyerId: string } }).data.buyerId;
    expect(await organizationBuyer(team.organization.id, buyerId)).toMatchObject({
      country: "US",
      defaultCurrency: "USD",
      contacts: [{ name: "Dana Ortiz", email: "ap@northwind.example" }],
      defaultTerms: { kind: "deposit_balance", depositBps: 3000, depositDays: 0, balanceDays: 60, balanceAnchor: "bill_of_lading" },
    });
    expect(await executeAction(updateBuyerAction, { org, buyerId, buyer: buyerFields({ terms: NET_60_TERMS, country: "CA" }) }, finance)).toMatchObject({ ok: true });
    expect(await organizationBuyer(team.organization.id, buyerId)).toMatchObject({ country: "CA", defaultTerms: { kind: "single", days: 60, anchor: "issue" } });
    expect(await executeAction(createBuyerAction, { org, buyer: buyerFields({ name: "northwind tools inc" }) }, finance)).toMatchObject({ ok: false, code: "buyer_name_taken" });
    const audited = await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id));
    expect(audited.map((a) => [a.action, a.target])).toEqual(expect.arrayContaining([["buyers.create", `buyer:${buyerId}`], ["buyers.update", `buyer:${buyerId}`]]));
  });

  it("refuses bad input, viewers and other organizations, writing nothing", async () => {
    const team = await createTeam();
    const org = team.organization.slug;
    const bad = await executeAction(createBuyerAction, { org, buyer: buyerFields({ country: "XX", contacts: [{ name: "A", email: "not-an-email" }], defaultCurrency: "KWD", terms: { kind: "single", days: "", anchor: "issue" } }) }, await signedIn(team.finance));
    expect(bad).toMatchObject({ ok: false, code: "invalid_input" });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(["buyer.contacts.0.email", "buyer.country", "buyer.defaultCurrency"]);
    const badTerms = await executeAction(createBuyerAction, { org, buyer: buyerFields({ terms: { kind: "single", days: "", anchor: "issue" } }) }, await signedIn(team.finance));
    expect(Object.keys((badTerms as { fieldErrors: object }).fieldErrors)).toEqual(["buyer.terms.days"]);
    expect(await executeAction(createBuyerAction, { org, buyer: buyerFields() }, await signedIn(team.viewer))).toMatchObject({ ok: false, code: "forbidden" });
    const outsider = await createTeam();
    expect(await executeAction(createBuyerAction, { org, buyer: buyerFields() }, await signedIn(outsider.owner))).toMatchObject({ ok: false, code: "not_found" });
    const mine = await createTestBuyer(team.organization.id, team.owner.id);
    expect(await executeAction(updateBuyerAction, { org: outsider.organization.slug, buyerId: mine.id, buyer: buyerFields() }, await signedIn(outsider.owner))).toMatchObject({ ok: false, code: "not_found" });
    expect((await db().select().from(buyers).where(eq(buyers.organizationId, team.organization.id))).map((b) => b.id)).toEqual([mine.id]);
  });

  it("shows a buyer's invoices, payments and average days late", async () => {
    const team = await createApprovedTeam();
    const buyer = await createTestBuyer(team.organization.id, team.owner.id);
    const { invoice, instalments } = await createTestInvoice(team.organization.id, team.owner.id, buyer.id, { issueDate: "2026-03-10", billOfLadingDate: "2026-04-01" });
    // As the allocation code leaves them: the deposit paid 4 days late, the balance paid early (counts as 0).
    await db().update(invoiceInstalments).set({ status: "paid", paidMinor: instalments[0]!.amountMinor, paidAt: new Date("2026-03-14T03:00:00Z") }).where(eq(invoiceInstalments.id, instalments[0]!.id));
    await db().update(invoiceInstalments).set({ status: "paid", paidMinor: instalments[1]!.amountMinor, paidAt: new Date("2026-05-01T03:00:00Z") }).where(eq(invoiceInstalments.id, instalments[1]!.id));
    const [payment] = await db()
      .insert(incomingPayments)
      .values({ organizationId: team.organization.id, source: "bank_transfer", accountIdentifier: "GB00TEST", bankRef: crypto.randomUUID(), currency: "USD", amountMinor: instalments[0]!.amountMinor, unappliedMinor: 0n, bookingDate: "2026-03-14", valueDate: "2026-03-14", payerName: "BRIGHTSIDE HARDWARE" })
      .returning();
    await db().insert(paymentAllocations).values({ organizationId: team.organization.id, paymentId: payment!.id, target: "invoice", invoiceId: invoice.id, instalmentId: instalments[0]!.id, method: "rf_reference", amountMinor: instalments[0]!.amountMinor, invoiceAmountMinor: instalments[0]!.amountMinor });

    const overview = (await buyerOverview(team.organization.id, buyer.id, team.organization.timezone))!;
    expect(overview.invoices.map((i) => i.number)).toEqual([invoice.number]);
    expect(overview.payments.map((p) => p.id)).toEqual([payment!.id]);
    expect(overview.averageDaysLate).toBe(2);
    expect((await listBuyers(team.organization.id)).map((b) => [b.name, b.invoiceCount])).toEqual([[buyer.name, 1]]);
    expect(await buyerOverview((await createTeam()).organization.id, buyer.id, "Asia/Shanghai")).toBeNull();
  });
});
