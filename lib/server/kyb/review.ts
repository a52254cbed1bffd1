import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { kybApplications, kybApprovalVotes, kybInfoRequests, memberships, organizations } from "@/db/schema";
import { ACCOUNT_TIERS, nextStatus, type KybEvent } from "@/lib/domain/kyb";
import { REQUESTABLE_FIELDS } from "@/lib/domain/kyb/fields";
import { ensureCollectionAccounts } from "../collections/accounts";
import { ActionError } from "../guard/action-error";
import { defineAction, type SignedInContext } from "../guard/define-action";
import { REVIEWER_ACCESS } from "./access";
import { lockApplication, recordEvent, type KybApplication } from "./application";

/** The application, locked; a reviewer who belongs to the applying organization may not review it. */
async function applicationForReview(ctx: SignedInContext, applicationId: string): Promise<KybApplication> {
  const application = await lockApplication(ctx.tx, applicationId);
  if (!application) throw new ActionError("not_found");
  const [conflict] = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, application.organizationId), eq(memberships.userId, ctx.auth.user.id)));
  if (conflict) throw new ActionError("kyb_conflict_of_interest");
  return application;
}

async function transition(
  ctx: SignedInContext,
  application: KybApplication,
  event: KybEvent,
  values: Partial<typeof kybApplications.$inferInsert>,
  history: { comment?: string | null; details?: Record<string, unknown> },
) {
  const to = nextStatus(application.status, event);
  await ctx.tx
    .update(kybApplications)
    .set({ ...values, status: to, updatedAt: new Date() })
    .where(eq(kybApplications.id, application.id));
  await recordEvent(ctx.tx, {
    applicationId: application.id,
    event,
    fromStatus: application.status,
    toStatus: to,
    actorUserId: ctx.auth.user.id,
    comment: history.comment ?? null,
    details: history.details,
  });
  ctx.audit(`kyb:${application.id}`, { event, from: application.status, to, ...history.details, comment: history.comment ?? undefined }, application.organizationId);
  return to;
}

const applicationId = z.uuid();

/** submitted → in_review: the reviewer takes the application. */
export const startReviewAction = defineAction({
  name: "kyb.startReview",
  access: REVIEWER_ACCESS,
  input: z.object({ applicationId }),
  async handler(ctx, input) {
    const application = await applicationForReview(ctx, input.applicationId);
    const status = await transition(ctx, application, "start_review", {}, {});
    return { status };
  },
});

/**
 * in_review → approved, with the account tier. A high-risk application needs two different reviewers (four-eyes):
 * the first approval is recorded as a vote and the application stays in review; the same reviewer cannot vote twice.
 */
export const approveApplicationAction = defineAction({
  name: "kyb.approve",
  access: REVIEWER_ACCESS,
  stepUp: true,
  input: z.object({ applicationId, tier: z.enum(ACCOUNT_TIERS, "validation.choice"), comment: z.string().trim().max(2000).default("") }),
  async handler(ctx, input) {
    const application = await applicationForReview(ctx, input.applicationId);
    nextStatus(application.status, "approve"); // refuses anything but in_review before a vote is recorded
    const comment = input.comment || null;
    if (application.riskLevel === "high") {
      const votes = await ctx.tx
        .select()
        .from(kybApprovalVotes)
        .where(and(eq(kybApprovalVotes.applicationId, application.id), eq(kybApprovalVotes.round, application.round)));
      if (votes.some((vote) => vote.reviewerUserId === ctx.auth.user.id)) throw new ActionError("kyb_four_eyes_same_reviewer");
      // The second pair of eyes confirms the first reviewer's decision, tier included.
      if (votes.length > 0 && votes.some((vote) => vote.tier !== input.tier)) {
        throw new ActionError("kyb_four_eyes_tier_mismatch", { tier: votes[0]!.tier });
      }
      await ctx.tx.insert(kybApprovalVotes).values({
        applicationId: application.id,
        round: application.round,
        reviewerUserId: ctx.auth.user.id,
        tier: input.tier,
        comment,
      });
      if (votes.length === 0) {
        await recordEvent(ctx.tx, {
          applicationId: application.id,
          event: "approval_vote",
          fromStatus: application.status,
          toStatus: application.status,
          actorUserId: ctx.auth.user.id,
          comment,
          details: { tier: input.tier, votes: 1, required: 2 },
        });
        ctx.audit(`kyb:${application.id}`, { event: "approval_vote", tier: input.tier, votes: 1, required: 2 }, application.organizationId);
        return { status: application.status, votes: 1, required: 2 };
      }
    }
    const now = new Date();
    const status = await transition(
      ctx,
      application,
      "approve",
      { approvedTier: input.tier, decidedAt: now, decidedBy: ctx.auth.user.id, rejectionReason: null },
      { comment, details: { tier: input.tier, risk: application.riskLevel } },
    );
    await ctx.tx.update(organizations).set({ accountTier: input.tier }).where(eq(organizations.id, application.organizationId));
    await ensureCollectionAccounts(ctx.tx, application.organizationId);
    return { status, votes: application.riskLevel === "high" ? 2 : 1, required: application.riskLevel === "high" ? 2 : 1 };
  },
});

/** in_review → rejected, with the reason the factory reads. */
export const rejectApplicationAction = defineAction({
  name: "kyb.reject",
  access: REVIEWER_ACCESS,
  stepUp: true,
  input: z.object({ applicationId, reason: z.string().trim().min(5).max(2000) }),
  async handler(ctx, input) {
    const application = await applicationForReview(ctx, input.applicationId);
    const status = await transition(
      ctx,
      application,
      "reject",
      { rejectionReason: input.reason, decidedAt: new Date(), decidedBy: ctx.auth.user.id },
      { comment: input.reason },
    );
    return { status };
  },
});

const requestItem = z.object({ field: z.enum(REQUESTABLE_FIELDS, "validation.choice"), comment: z.string().trim().min(1, "validation.required").max(1000) });

/** in_review → info_requested: one item per field, each with the reviewer's question. */
export const requestInformationAction = defineAction({
  name: "kyb.requestInformation",
  access: REVIEWER_ACCESS,
  stepUp: true,
  input: z.object({
    applicationId,
    items: z
      .array(z.object({ field: z.string().default(""), comment: z.string().default("") }))
      .default([])
      // Rows the reviewer left empty are not requests.
      .transform((items) => items.filter((item) => item.field.trim() !== "" || item.comment.trim() !== ""))
      .pipe(z.array(requestItem).min(1, "validation.kyb_request_item_required").max(20)),
    comment: z.string().trim().max(2000).default(""),
  }),
  async handler(ctx, input) {
    const application = await applicationForReview(ctx, input.applicationId);
    const status = await transition(
      ctx,
      application,
      "request_info",
      {},
      { comment: input.comment || null, details: { items: input.items } },
    );
    await ctx.tx.insert(kybInfoRequests).values(
      input.items.map((item) => ({
        applicationId: application.id,
        round: application.round,
        field: item.field,
        comment: item.comment,
        requestedBy: ctx.auth.user.id,
      })),
    );
    return { status, items: input.items.length };
  },
});
