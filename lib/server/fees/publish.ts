import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { feeSchedules, organizations } from "@/db/schema";
import {
  compareSchedules,
  earliestEffectiveDate,
  type FeeSchedule,
  feeScheduleProblems,
  fromStoredFeeSchedule,
  MAX_VOLUME_TIERS,
  type ScheduleComparison,
  scheduleChangeProblem,
  toStoredFeeSchedule,
} from "@/lib/domain/fees";
import { type FeeScheduleDraft, parseFeeScheduleForm } from "@/lib/domain/fees/form";
import { MAX_TIERS } from "@/lib/domain/fx";
import { localDateOf } from "@/lib/domain/time/local-day";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { redactForAudit } from "../guard/redact";
import { notifyFeeSchedulePublished } from "./notify";
import { standardScheduleOf } from "./schedules";

export interface PublishFeeScheduleInput {
  organizationId: string;
  draft: FeeScheduleDraft;
  /** The latest version the draft was made from: publishing fails if another was published meanwhile. */
  basedOnVersion: number;
  publishedBy: string | null;
  now?: Date;
}

export interface PublishedFeeSchedule {
  organization: { id: string; name: string; slug: string };
  schedule: FeeSchedule;
  /** The version it follows, compared with it. */
  previous: FeeSchedule;
  comparison: ScheduleComparison;
  notified: number;
}

/**
 * Publishes the next version of an organization's fee schedule. Versions only follow each other: a new one takes
 * effect no earlier than today (China time) and than the latest published one, and is compared with that latest one —
 * what the organization would otherwise pay from its date on. Raising any fee needs FEE_RAISE_NOTICE_DAYS' notice;
 * lowering may apply today. The organization's first version also records the standard schedule it was on, as
 * version 1. Publications of one organization run one at a time (an advisory lock; the unique index on the version
 * backs it), and owners and finance members are notified by email in the same transaction.
 */
export async function publishFeeSchedule(tx: Transaction, input: PublishFeeScheduleInput): Promise<PublishedFeeSchedule> {
  const now = input.now ?? new Date();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`fee-schedule:${input.organizationId}`}, 0))`);
  const [organization] = await tx
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  if (!organization) throw new ActionError("not_found");

  const rows = await tx.select({ schedule: feeSchedules.schedule }).from(feeSchedules).where(eq(feeSchedules.organizationId, organization.id)).orderBy(asc(feeSchedules.version));
  const standard = rows.length === 0 ? await standardScheduleOf(organization.id, tx) : null;
  const previous = standard ?? fromStoredFeeSchedule(rows.at(-1)!.schedule);
  if (input.basedOnVersion !== previous.version) throw new ActionError("fee_schedule_changed", { version: previous.version });

  const schedule: FeeSchedule = { ...input.draft, version: previous.version + 1 };
  if (feeScheduleProblems(schedule).length > 0) throw new ActionError("fee_schedule_invalid");
  const comparison = compareSchedules(previous, schedule);
  if (comparison.changes.length === 0) throw new ActionError("fee_schedule_unchanged", { version: previous.version });
  if (schedule.effectiveFrom < previous.effectiveFrom) {
    throw new ActionError("fee_schedule_before_latest", { version: previous.version, date: previous.effectiveFrom });
  }
  const publishedOn = localDateOf(now);
  const problem = scheduleChangeProblem(previous, schedule, publishedOn);
  if (problem === "effective_before_publication") throw new ActionError("fee_schedule_effective_in_past", { today: publishedOn });
  if (problem === "raise_without_notice") throw new ActionError("fee_schedule_raise_without_notice", { earliest: earliestEffectiveDate(publishedOn, true) });

  if (standard) {
    await tx.insert(feeSchedules).values({ organizationId: organization.id, version: standard.version, effectiveFrom: standard.effectiveFrom, schedule: toStoredFeeSchedule(standard), publishedAt: now });
  }
  await tx.insert(feeSchedules).values({
    organizationId: organization.id,
    version: schedule.version,
    effectiveFrom: schedule.effectiveFrom,
    schedule: toStoredFeeSchedule(schedule),
    publishedAt: now,
    publishedBy: input.publishedBy,
  });
  const notified = await notifyFeeSchedulePublished(tx, { organization, schedule, comparison });
  return { organization, schedule, previous, comparison, notified };
}

const field = (max = 40) => z.string().max(max).default("");

/** The admin form's fields (see FeeScheduleForm), read into a draft through the domain's checks. */
export const publishFeeScheduleInput = z
  .object({
    organizationId: z.uuid(),
    basedOnVersion: z.coerce.number().int().min(1),
    effectiveFrom: field(20),
    baseRate: field(),
    volumeTiers: z
      .array(z.object({ from: field(), rate: field() }))
      .max(MAX_VOLUME_TIERS + 4)
      .default([]),
    riskOrganizationPercent: field(),
    riskCountryPercent: field(),
    riskCountries: field(1000),
    expeditedRate: field(),
    fixedFees: z
      .array(z.object({ currency: z.string().max(3), payout: field(), statementImport: field(), chargeback: field() }))
      .max(40)
      .default([]),
    fxTiers: z
      .array(z.object({ from: field(), spread: field(), fee: field() }))
      .max(MAX_TIERS + 4)
      .default([]),
  })
  .transform((input, ctx) => {
    const parsed = parseFeeScheduleForm(input);
    if (parsed.ok) return { organizationId: input.organizationId, basedOnVersion: input.basedOnVersion, draft: parsed.draft };
    for (const issue of parsed.issues) ctx.addIssue({ code: "custom", path: issue.path, message: `validation.fee_${issue.code}` });
    return z.NEVER;
  });

/** Platform admins publish a new version of an organization's fee schedule; audited with what changes, with 2FA. */
export const publishFeeScheduleAction = defineAction({
  name: "fees.publishSchedule",
  access: { kind: "staff", roles: ["platform_admin"] },
  stepUp: true,
  input: publishFeeScheduleInput,
  async handler(ctx, input) {
    const published = await publishFeeSchedule(ctx.tx, { ...input, publishedBy: ctx.auth.user.id });
    const { organization, schedule, comparison } = published;
    ctx.audit(
      `organization:${organization.slug}`,
      redactForAudit({ version: schedule.version, effectiveFrom: schedule.effectiveFrom, raises: comparison.raises, changes: comparison.changes, notified: published.notified }),
      organization.id,
    );
    return { version: schedule.version, effectiveFrom: schedule.effectiveFrom, raises: comparison.raises };
  },
});
