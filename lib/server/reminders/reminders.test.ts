import { randomUUID } from "node:crypto";
import { and, eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, buyers, emailOutbox, invoiceInstalments, invoiceReminders, invoices, kybApplications, organizations, reminderSettings } from "@/db/schema";
import { computeRfReference } from "@/lib/domain/statements/rf-reference";
import { addMember, createTeam, createUser, signedIn } from "@/tests/fixtures/people";
import { allocateToInvoice } from "../collections/allocations";
import { recordBankReceipt } from "../collections/receipts";
import { executeAction } from "../guard/execute-action";
import { runDailyCollections } from "./daily";
import { loadReminderSettings, setReminderSettingsAction } from "./settings";

interface InstalmentSpec {
  label: "deposit" | "balance" | "full";
  amountMinor: bigint;
  dueDate: string | null;
}

/** An approved team in `timezone` with one buyer (two contacts, their own addresses) and nothing else. */
async function factory(timezone = "Asia/Shanghai") {
  const team = await createTeam();
  await db().update(organizations).set({ timezone }).where(eq(organizations.id, team.organization.id));
  await db().insert(kybApplications).values({ organizationId: team.organization.id, status: "approved", approvedTier: "premium" });
  const tag = randomUUID().slice(0, 8);
  const contacts = [
    { name: "Accounts payable", email: `ap-${tag}@brightside.example` },
    { name: "Purchasing", email: `buying-${tag}@brightside.example` },
  ];
  const [buyer] = await db()
    .insert(buyers)
    .values({ organizationId: team.organization.id, name: `Brightside Hardware ${tag} Ltd`, country: "GB", contacts, defaultCurrency: "USD", defaultTerms: { kind: "single", days: 60 } })
    .returning();
  return { ...team, buyer: buyer!, contacts: contacts.map((c) => c.email) };
}

/** An issued, unpaid invoice written directly, with instalments as given. */
async function invoice(organizationId: string, buyerId: string, issueDate: string, specs: InstalmentSpec[], status: "open" | "void" = "open") {
  const suffix = randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase();
  const total = specs.reduce((sum, s) => sum + s.amountMinor, 0n);
  const [row] = await db()
    .insert(invoices)
    .values({
      organizationId,
      buyerId,
      number: `INV-2026-${suffix}`,
      rfReference: computeRfReference(suffix),
      payToken: randomUUID(),
      currency: "USD",
      status,
      issueDate,
      terms: { kind: specs.length > 1 ? "deposit_balance" : "single" },
      subtotalMinor: total,
      totalMinor: total,
    })
    .returning();
  const instalments = await db()
    .insert(invoiceInstalments)
    .values(
      specs.map((spec, index) => ({
        invoiceId: row!.id,
        organizationId,
        position: index + 1,
        label: spec.label,
        shareBps: Number((spec.amountMinor * 10_000n) / total),
        amountMinor: spec.amountMinor,
        dueRule: { anchor: "issue" as const, days: 30 },
        dueDate: spec.dueDate,
      })),
    )
    .returning();
  return { invoice: row!, instalments };
}

/** A bank transfer from the buyer, applied to the invoice oldest instalment first (as matching does). */
async function pay(organizationId: string, invoiceId: string, amountMinor: bigint) {
  await db().transaction(async (tx) => {
    const { paymentId } = await recordBankReceipt(tx, {
      organizationId,
      source: "bank_transfer",
      accountIdentifier: "GB33BUKB20201555555555",
      bankRef: randomUUID(),
      currency: "USD",
      amountMinor,
      bookingDate: "2026-11-20",
      valueDate: "2026-11-20",
    });
    await allocateToInvoice(tx, { paymentId, invoiceId, amountMinor, method: "manual" });
  });
}

async function reload(invoiceId: string) {
  const [row] = await db().select().from(invoices).where(eq(invoices.id, invoiceId));
  const instalments = await db().select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoiceId)).orderBy(invoiceInstalments.position);
  return { invoice: row!, instalments };
}

const emailsTo = (addresses: string[]) => db().select().from(emailOutbox).where(inArray(emailOutbox.to, addresses)).orderBy(emailOutbox.createdAt);
const remindersOf = (instalmentIds: string[]) =>
  db().select({ kind: invoiceReminders.kind, offsetDays: invoiceReminders.offsetDays }).from(invoiceReminders).where(inArray(invoiceReminders.instalmentId, instalmentIds));

describe("the daily overdue run", () => {
  it("marks an instalment overdue from the first moment of the day after it is due, in the organization's time zone", async () => {
    const shanghai = await factory("Asia/Shanghai");
    const losAngeles = await factory("America/Los_Angeles");
    const specs: InstalmentSpec[] = [
      { label: "deposit", amountMinor: 30_000n, dueDate: "2026-12-15" },
      { label: "balance", amountMinor: 70_000n, dueDate: "2027-02-13" },
    ];
    const inShanghai = await invoice(shanghai.organization.id, shanghai.buyer.id, "2026-11-01", specs);
    const inLosAngeles = await invoice(losAngeles.organization.id, losAngeles.buyer.id, "2026-11-01", specs);

    // 23:59:59 on the 15th in Shanghai (UTC+8).
    await runDailyCollections(new Date("2026-12-15T15:59:59Z"));
    expect((await reload(inShanghai.invoice.id)).invoice).toMatchObject({ isOverdue: false, nextDueDate: "2026-12-15" });
    // Midnight starting the 16th in Shanghai: still the 15th in Los Angeles.
    await runDailyCollections(new Date("2026-12-15T16:00:00Z"));
    const shanghaiNow = await reload(inShanghai.invoice.id);
    expect(shanghaiNow.invoice).toMatchObject({ isOverdue: true, status: "open", nextDueDate: "2026-12-15" });
    expect(shanghaiNow.instalments.map((s) => s.isOverdue)).toEqual([true, false]);
    expect((await reload(inLosAngeles.invoice.id)).invoice.isOverdue).toBe(false);
    // 23:59:59 on the 15th in Los Angeles (UTC−8), then midnight.
    await runDailyCollections(new Date("2026-12-16T07:59:59Z"));
    expect((await reload(inLosAngeles.invoice.id)).invoice.isOverdue).toBe(false);
    await runDailyCollections(new Date("2026-12-16T08:00:00Z"));
    const losAngelesNow = await reload(inLosAngeles.invoice.id);
    expect(losAngelesNow.invoice.isOverdue).toBe(true);
    expect(losAngelesNow.instalments.map((s) => s.isOverdue)).toEqual([true, false]);
  });

  it("leaves paid instalments alone and keeps the next due date on the first unpaid one", async () => {
    const team = await factory();
    const { invoice: row } = await invoice(team.organization.id, team.buyer.id, "2026-11-01", [
      { label: "deposit", amountMinor: 30_000n, dueDate: "2026-11-10" },
      { label: "balance", amountMinor: 70_000n, dueDate: "2027-01-09" },
    ]);
    await pay(team.organization.id, row.id, 30_000n);
    await runDailyCollections(new Date("2026-12-01T02:00:00Z"));
    const after = await reload(row.id);
    expect(after.invoice).toMatchObject({ isOverdue: false, status: "partially_paid", nextDueDate: "2027-01-09", paidMinor: 30_000n });
    expect(after.instalments.map((s) => [s.status, s.isOverdue])).toEqual([
      ["paid", false],
      ["open", false],
    ]);
  });
});

describe("reminder emails", () => {
  it("sends each planned reminder once, on its day, to every contact of the buyer, with the pay link and RF reference", async () => {
    const team = await factory();
    const { invoice: row, instalments } = await invoice(team.organization.id, team.buyer.id, "2026-11-01", [{ label: "full", amountMinor: 1_250_050n, dueDate: "2026-12-15" }]);
    const dayAt = (date: string) => new Date(`${date}T01:00:00Z`); // 09:00 in Shanghai
    const sentAfter = async (date: string) => {
      await runDailyCollections(dayAt(date));
      return (await emailsTo(team.contacts)).length;
    };
    expect(await sentAfter("2026-12-07")).toBe(0);
    expect(await sentAfter("2026-12-08")).toBe(2);
    expect(await sentAfter("2026-12-08")).toBe(2);
    expect(await sentAfter("2026-12-14")).toBe(2);
    expect(await sentAfter("2026-12-15")).toBe(4);
    expect(await sentAfter("2026-12-17")).toBe(4);
    expect(await sentAfter("2026-12-18")).toBe(6);
    expect(await sentAfter("2026-12-29")).toBe(8);
    expect(await sentAfter("2027-01-30")).toBe(8);
    expect(await remindersOf(instalments.map((s) => s.id))).toEqual(
      expect.arrayContaining([
        { kind: "before", offsetDays: 7 },
        { kind: "due", offsetDays: 0 },
        { kind: "after", offsetDays: 3 },
        { kind: "after", offsetDays: 14 },
      ]),
    );
    const emails = await emailsTo(team.contacts);
    expect(emails.map((e) => e.to).sort()).toEqual([...team.contacts, ...team.contacts, ...team.contacts, ...team.contacts].sort());
    const first = emails.find((e) => e.subject.startsWith("Payment reminder"))!;
    expect(first.subject).toBe(`Payment reminder: invoice ${row.number} from ${team.organization.name} is due on 15 December 2026`);
    expect(first.text).toContain(`Dear ${team.buyer.name},`);
    expect(first.text).toMatch(/the payment of USD\s12,500\.50 for invoice/);
    expect(first.text).toContain(row.rfReference!.replace(/(.{4})(?=.)/g, "$1 "));
    expect(first.text).toMatch(new RegExp(`https?://\\S+/pay/${row.payToken}`));
    expect(emails.some((e) => e.subject.startsWith("Overdue: invoice"))).toBe(true);
  });

  it("asks only for what is still owed, and sends nothing for paid or void invoices or paid instalments", async () => {
    const team = await factory();
    const partly = await invoice(team.organization.id, team.buyer.id, "2026-11-01", [
      { label: "deposit", amountMinor: 30_000n, dueDate: "2026-12-15" },
      { label: "balance", amountMinor: 70_000n, dueDate: "2026-12-15" },
    ]);
    await pay(team.organization.id, partly.invoice.id, 50_000n);
    const paid = await invoice(team.organization.id, team.buyer.id, "2026-11-01", [{ label: "full", amountMinor: 50_000n, dueDate: "2026-12-15" }]);
    await pay(team.organization.id, paid.invoice.id, 50_000n);
    expect((await reload(paid.invoice.id)).invoice.status).toBe("paid");
    const voided = await invoice(team.organization.id, team.buyer.id, "2026-11-01", [{ label: "full", amountMinor: 50_000n, dueDate: "2026-12-15" }], "void");
    await runDailyCollections(new Date("2026-12-15T01:00:00Z"));
    const emails = await emailsTo(team.contacts);
    expect(emails).toHaveLength(2);
    expect(emails.every((e) => e.text.includes(partly.invoice.number!) && /The balance of USD\s500\.00 for invoice .* is due today/.test(e.text))).toBe(true);
    expect(await remindersOf([...partly.instalments, ...paid.instalments, ...voided.instalments].map((s) => s.id))).toEqual([{ kind: "due", offsetDays: 0 }]);
    expect((await reload(voided.invoice.id)).invoice.isOverdue).toBe(false);
  });

  it("sends once when two runs overlap, and follows the organization's settings", async () => {
    const team = await factory();
    const { instalments } = await invoice(team.organization.id, team.buyer.id, "2026-11-01", [{ label: "full", amountMinor: 10_000n, dueDate: "2026-12-15" }]);
    await db().insert(reminderSettings).values({ organizationId: team.organization.id, daysBefore: [2], onDueDate: false, daysAfter: [] });
    const at = new Date("2026-12-13T01:00:00Z");
    await Promise.all([runDailyCollections(at), runDailyCollections(at)]);
    expect(await emailsTo(team.contacts)).toHaveLength(2);
    await runDailyCollections(new Date("2026-12-20T01:00:00Z"));
    expect(await remindersOf(instalments.map((s) => s.id))).toEqual([{ kind: "before", offsetDays: 2 }]);

    await db().update(reminderSettings).set({ enabled: false, daysAfter: [3] }).where(eq(reminderSettings.organizationId, team.organization.id));
    await runDailyCollections(new Date("2026-12-21T01:00:00Z"));
    expect(await emailsTo(team.contacts)).toHaveLength(2);
  });
});

describe("reminder settings action", () => {
  const input = (org: string, overrides: Record<string, unknown> = {}) => ({ org, enabled: true, daysBefore: "10, 3", onDueDate: false, daysAfter: "7 30", ...overrides });

  it("lets finance staff save the settings, audited with before and after", async () => {
    const team = await factory();
    const result = await executeAction(setReminderSettingsAction, input(team.organization.slug), await signedIn(team.finance));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { daysBefore: [3, 10], daysAfter: [7, 30], onDueDate: false } });
    expect(await loadReminderSettings(db(), team.organization.id)).toMatchObject({ saved: true, enabled: true, daysBefore: [3, 10], onDueDate: false, daysAfter: [7, 30] });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, team.organization.id), eq(auditLog.action, "collections.setReminderSettings")));
    expect(audit!.summary).toMatchObject({ from: { daysBefore: [7], daysAfter: [3, 14] }, to: { daysBefore: [3, 10], daysAfter: [7, 30] } });
  });

  it("refuses a viewer, another organization's member and bad day lists, writing nothing", async () => {
    const team = await factory();
    const org = team.organization.slug;
    expect(await executeAction(setReminderSettingsAction, input(org), await signedIn(team.viewer))).toMatchObject({ ok: false, code: "forbidden" });
    const outsider = await createUser();
    const other = await createTeam();
    await addMember(other.organization.id, outsider.id, "owner");
    expect(await executeAction(setReminderSettingsAction, input(org), await signedIn(outsider))).toMatchObject({ ok: false, code: "not_found" });
    const owner = await signedIn(team.owner);
    const bad = await executeAction(setReminderSettingsAction, input(org, { daysBefore: "3.5" }), owner);
    expect(bad).toMatchObject({ ok: false, code: "reminder_days_invalid", message: expect.stringContaining("before") });
    expect(await executeAction(setReminderSettingsAction, input(org, { daysAfter: "0, 120" }), owner)).toMatchObject({ ok: false, code: "reminder_days_range" });
    expect(await executeAction(setReminderSettingsAction, input(org, { daysAfter: "1 2 3 4 5 6" }), owner)).toMatchObject({ ok: false, code: "reminder_days_too_many" });
    expect(await executeAction(setReminderSettingsAction, input(org, { enabled: "yes" }), owner)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await db().select().from(reminderSettings).where(eq(reminderSettings.organizationId, team.organization.id))).toEqual([]);
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, team.organization.id), like(auditLog.action, "collections.%"))),
    ).toEqual([]);
  });
});
