import type { Executor } from "@/db/client";
import { isLocale, type Locale } from "@/i18n/catalog";
import { translator } from "../i18n/translator";
import { queueEmail } from "./outbox";

export type EmailTemplate =
  | "verifyEmail"
  | "resetPassword"
  | "invitation"
  | "newDevice"
  | "existingAccount"
  | "invoiceReminderBefore"
  | "invoiceReminderDue"
  | "invoiceReminderAfter";

/** Renders a template from the `email` catalog in the recipient's language and queues it. */
export async function sendTemplate(
  executor: Executor,
  to: string,
  locale: string,
  template: EmailTemplate,
  values: Record<string, string>,
): Promise<void> {
  const t = await translator(isLocale(locale) ? locale : ("zh-CN" satisfies Locale));
  await queueEmail(executor, {
    to,
    subject: t(`email.${template}.subject`, values),
    text: t(`email.${template}.body`, values),
  });
}
