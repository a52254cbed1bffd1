"use server";

import { runAction } from "@/lib/server/guard/run-action";
import { setReminderSettingsAction } from "@/lib/server/reminders/settings";

export async function setReminderSettings(input: unknown) {
  return runAction(setReminderSettingsAction, input);
}
