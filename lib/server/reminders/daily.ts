import { markOverdue, organizationsWithOpenInvoices } from "./overdue";
import { sendOrganizationReminders } from "./send";

/**
 * The daily collections run for every organization, on its own calendar day: overdue flags first, then reminder
 * emails to buyers. It is scheduled hourly so that each time zone's new day is picked up within the hour; running it
 * again the same day changes nothing. `now` is injectable so tests can set the clock.
 */
export async function runDailyCollections(now: Date = new Date()): Promise<{ invoicesUpdated: number; remindersSent: number }> {
  const { changed: invoicesUpdated, failed } = await markOverdue(now);
  let remindersSent = 0;
  for (const organization of await organizationsWithOpenInvoices(now)) {
    // One organization's failure must not hold back the others; the job still fails at the end so it is retried.
    try {
      remindersSent += await sendOrganizationReminders(organization);
    } catch (error) {
      console.error(`reminders for organization ${organization.id} failed`, error);
      failed.push(`reminders of organization ${organization.id}`);
    }
  }
  if (failed.length > 0) throw new Error(`daily collections run incomplete: ${failed.join("; ")}`);
  return { invoicesUpdated, remindersSent };
}
