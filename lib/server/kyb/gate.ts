import { eq } from "drizzle-orm";
import { kybApplications } from "@/db/schema";
import { ActionError } from "../guard/action-error";
import type { OrgContext } from "../guard/define-action";

/**
 * For money features (invoices, collections, payouts): refuses with `kyb_not_approved` until a reviewer has approved
 * the organization's KYB application. Returns the organization's account tier.
 */
export async function assertOrganizationApproved(ctx: Pick<OrgContext, "tx" | "organization">): Promise<{ tier: "standard" | "premium" }> {
  const [application] = await ctx.tx
    .select({ status: kybApplications.status, tier: kybApplications.approvedTier })
    .from(kybApplications)
    .where(eq(kybApplications.organizationId, ctx.organization.id));
  if (application?.status !== "approved" || !application.tier) throw new ActionError("kyb_not_approved");
  return { tier: application.tier };
}
