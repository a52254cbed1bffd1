import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { FeeSchedule, ScheduleComparison } from "@/lib/domain/fees";
import { isLocale } from "@/i18n/catalog";
import { appUrl } from "../auth/tokens";
import { queueEmail } from "../email/outbox";
import type { MemberRole } from "../guard/access";
import { translator } from "../i18n/translator";
import { describeChanges } from "./describe";

/** Who hears of a new fee schedule: the people who handle the organization's money. */
export const FEE_NOTICE_ROLES: readonly MemberRole[] = ["owner", "finance"];

function longDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * Queues the notice of a newly published version to the organization's owners and finance members, each in their
 * own language, in the publishing transaction: the emails exist exactly when the version does.
 */
export async function notifyFeeSchedulePublished(
  executor: Executor,
  input: { organization: { id: string; name: string; slug: string }; schedule: FeeSchedule; comparison: ScheduleComparison },
): Promise<number> {
  const recipients = await executor
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, input.organization.id), inArray(memberships.role, [...FEE_NOTICE_ROLES])));
  for (const recipient of recipients) {
    const locale = isLocale(recipient.locale) ? recipient.locale : "zh-CN";
    const t = await translator(locale, "fees");
    const values = { organization: input.organization.name, version: String(input.schedule.version), date: longDate(input.schedule.effectiveFrom, locale) };
    await queueEmail(executor, {
      to: recipient.email,
      subject: t("email.subject", values),
      text: t("email.body", {
        ...values,
        name: recipient.name,
        changes: describeChanges(t, input.comparison.changes, locale)
          .map((line) => `- ${line}`)
          .join("\n"),
        notice: input.comparison.raises ? t("email.raiseNotice") : t("email.noRaise"),
        url: appUrl(`/o/${input.organization.slug}/fees`),
      }),
    });
  }
  return recipients.length;
}
