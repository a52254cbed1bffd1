import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { buyers, invoiceInstalments, invoiceReminders, invoices } from "@/db/schema";
import { formatMoney } from "@/lib/domain/money";
import { addDays } from "@/lib/domain/invoices/dates";
import { reminderToSend, type ReminderKind, type ReminderSettings, type ScheduledReminder } from "@/lib/domain/reminders";
import { formatRfReference } from "@/lib/domain/statements/rf-reference";
import { appUrl } from "../auth/tokens";
import { sendTemplate, type EmailTemplate } from "../email/templates";
import { loadReminderSettings } from "./settings";

const TEMPLATES: Readonly<Record<ReminderKind, EmailTemplate>> = {
  before: "invoiceReminderBefore",
  due: "invoiceReminderDue",
  after: "invoiceReminderAfter",
};

/** Buyers are abroad: reminders go out in English. */
const BUYER_LOCALE = "en";

const UNPAID = ["open", "partially_paid"] as const;

/** "15 December 2026": unambiguous to a reader in any country. */
function longDate(isoDate: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Unpaid instalments of issued, unpaid invoices due by `until`, with what an email to the buyer needs. */
function candidates(organizationId: string, until: string) {
  return db()
    .select({ instalmentId: invoiceInstalments.id, dueDate: invoiceInstalments.dueDate, issueDate: invoices.issueDate })
    .from(invoiceInstalments)
    .innerJoin(invoices, eq(invoices.id, invoiceInstalments.invoiceId))
    .where(
      and(
        eq(invoiceInstalments.organizationId, organizationId),
        inArray(invoiceInstalments.status, [...UNPAID]),
        inArray(invoices.status, [...UNPAID]),
        isNotNull(invoiceInstalments.dueDate),
        lte(invoiceInstalments.dueDate, until),
      ),
    );
}

/**
 * Records the reminder and queues one email per buyer contact, in one transaction; the unique
 * (instalment, kind, offset) row makes a second run (or a concurrent one) send nothing. The instalment is read again
 * under a lock, so a payment recorded since the candidates were listed stops the email.
 */
async function sendReminder(
  tx: Transaction,
  organizationName: string,
  instalment: { id: string; dueDate: string },
  reminder: ScheduledReminder,
): Promise<boolean> {
  const [row] = await tx
    .select({
      label: invoiceInstalments.label,
      amountMinor: invoiceInstalments.amountMinor,
      paidMinor: invoiceInstalments.paidMinor,
      status: invoiceInstalments.status,
      invoiceStatus: invoices.status,
      number: invoices.number,
      currency: invoices.currency,
      rfReference: invoices.rfReference,
      payToken: invoices.payToken,
      buyerName: buyers.name,
      contacts: buyers.contacts,
    })
    .from(invoiceInstalments)
    .innerJoin(invoices, eq(invoices.id, invoiceInstalments.invoiceId))
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(eq(invoiceInstalments.id, instalment.id))
    .for("update", { of: invoiceInstalments });
  if (!row || !UNPAID.includes(row.status as never) || !UNPAID.includes(row.invoiceStatus as never)) return false;
  const recipients = [...new Set(row.contacts.map((contact) => contact.email.trim()).filter(Boolean))];
  if (recipients.length === 0 || !row.number || !row.rfReference || !row.payToken) return false;
  const [recorded] = await tx
    .insert(invoiceReminders)
    .values({ instalmentId: instalment.id, kind: reminder.kind, offsetDays: reminder.offsetDays })
    .onConflictDoNothing()
    .returning({ id: invoiceReminders.id });
  if (!recorded) return false;
  const values = {
    buyer: row.buyerName,
    organization: organizationName,
    invoice: row.number,
    instalment: row.label,
    amount: formatMoney(row.amountMinor - row.paidMinor, row.currency, BUYER_LOCALE, { display: "code" }),
    dueDate: longDate(instalment.dueDate),
    reference: formatRfReference(row.rfReference),
    url: appUrl(`/pay/${row.payToken}`),
  };
  for (const to of recipients) await sendTemplate(tx, to, BUYER_LOCALE, TEMPLATES[reminder.kind], values);
  return true;
}

/** Sends one organization's reminders due on `today`; returns how many instalments were reminded. */
export async function sendOrganizationReminders(organization: { id: string; name: string; today: string }): Promise<number> {
  const settings: ReminderSettings = await loadReminderSettings(db(), organization.id);
  if (!settings.enabled) return 0;
  const lookAhead = Math.max(0, ...settings.daysBefore);
  const due = (await candidates(organization.id, addDays(organization.today, lookAhead))).flatMap((candidate) => {
    const reminder = reminderToSend(candidate.dueDate!, candidate.issueDate, organization.today, settings);
    return reminder ? [{ instalment: { id: candidate.instalmentId, dueDate: candidate.dueDate! }, reminder }] : [];
  });
  // Long-overdue instalments keep their last reminder due every day: skip those already sent without a transaction each.
  const sentBefore = new Set(
    due.length === 0
      ? []
      : (
          await db()
            .select({ instalmentId: invoiceReminders.instalmentId, kind: invoiceReminders.kind, offsetDays: invoiceReminders.offsetDays })
            .from(invoiceReminders)
            .where(inArray(invoiceReminders.instalmentId, due.map((item) => item.instalment.id)))
        ).map((row) => `${row.instalmentId}:${row.kind}:${row.offsetDays}`),
  );
  let sent = 0;
  for (const { instalment, reminder } of due) {
    if (sentBefore.has(`${instalment.id}:${reminder.kind}:${reminder.offsetDays}`)) continue;
    if (await db().transaction((tx) => sendReminder(tx, organization.name, instalment, reminder))) sent++;
  }
  return sent;
}
