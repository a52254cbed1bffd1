import { markOverdue, organizationsWithOpenInvoices } from "./overdue";
import { sendOrganizationReminders } from "./send";

/**
 * The daily collections run for every organization, on its own calendar day: overdue flags first, then reminder
 * emails to buyers. It is scheduled hourly so that each time zone's new day is picked up within the hour; running it
 * again the same day changes nothing. `now` is injectable so tests can set the clock.
 */
export async function runDailyCollections(now: Date = new Date()): Promise<{ invoicesUpdated: number; remindersSent: number }> {
  const invoicesUpdated = await markOverdue(now);
  let remindersSent = 0;
  for (const organization of await organizationsWithOpenInvoices(now)) {
    remindersSent += await sendOrganizationReminders(organization);
  }
  return { invoicesUpdated, remindersSent };
}
