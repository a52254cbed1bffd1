import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { reminderSettings } from "@/db/schema";
import { DEFAULT_REMINDER_SETTINGS, parseDayList, type ReminderSettings } from "@/lib/domain/reminders";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";

/** The organization's reminder settings, or the defaults when it never saved any. */
export async function loadReminderSettings(executor: Executor, organizationId: string): Promise<ReminderSettings & { saved: boolean }> {
  const [row] = await executor.select().from(reminderSettings).where(eq(reminderSettings.organizationId, organizationId));
  if (!row) return { ...DEFAULT_REMINDER_SETTINGS, saved: false };
  return { enabled: row.enabled, daysBefore: row.daysBefore, onDueDate: row.onDueDate, daysAfter: row.daysAfter, saved: true };
}

export function organizationReminderSettings(organizationId: string) {
  return loadReminderSettings(db(), organizationId);
}

function days(text: string, side: "before" | "after"): number[] {
  const parsed = parseDayList(text);
  if (!parsed.ok) throw new ActionError(parsed.error, { side });
  return parsed.days;
}

/** Owners and finance staff choose when buyers are reminded; the change is audited with before and after. */
export const setReminderSettingsAction = defineAction({
  name: "collections.setReminderSettings",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({
    org: z.string(),
    enabled: z.boolean(),
    daysBefore: z.string().max(100).default(""),
    onDueDate: z.boolean(),
    daysAfter: z.string().max(100).default(""),
  }),
  async handler(ctx, input) {
    const next: ReminderSettings = {
      enabled: input.enabled,
      daysBefore: days(input.daysBefore, "before"),
      onDueDate: input.onDueDate,
      daysAfter: days(input.daysAfter, "after"),
    };
    const before = await loadReminderSettings(ctx.tx, ctx.organization.id);
    const values = { ...next, daysBefore: [...next.daysBefore], daysAfter: [...next.daysAfter], updatedBy: ctx.auth.user.id, updatedAt: new Date() };
    await ctx.tx.insert(reminderSettings).values({ organizationId: ctx.organization.id, ...values }).onConflictDoUpdate({ target: reminderSettings.organizationId, set: values });
    const show = ({ enabled, daysBefore, onDueDate, daysAfter }: ReminderSettings) => ({ enabled, daysBefore, onDueDate, daysAfter });
    ctx.audit(`organization:${ctx.organization.slug}`, { from: show(before), to: show(next) });
    return show(next);
  },
});
