import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { memberships, users } from "@/db/schema";
import { parseAmount } from "@/lib/domain/money";
import { OWNER_ONLY } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction, type OrgContext } from "../guard/define-action";

const memberIdField = z.uuid();

async function findMember(ctx: OrgContext, membershipId: string) {
  const [member] = await ctx.tx
    .select({ membership: memberships, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, ctx.organization.id)))
    .for("update", { of: memberships });
  if (!member) throw new ActionError("not_found");
  return member;
}

/** Locks the organization's owners, so that two owners demoting each other at once cannot leave none. */
async function ownerCount(ctx: OrgContext): Promise<number> {
  const owners = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.organization.id), eq(memberships.role, "owner")))
    .for("update");
  return owners.length;
}

export const changeMemberRoleAction = defineAction({
  name: "organization.changeMemberRole",
  access: { kind: "org", roles: OWNER_ONLY },
  stepUp: true,
  input: z.object({ org: z.string(), membershipId: memberIdField, role: z.enum(["owner", "finance", "viewer"]) }),
  async handler(ctx, input) {
    const owners = await ownerCount(ctx);
    const member = await findMember(ctx, input.membershipId);
    if (member.membership.role === "owner" && input.role !== "owner" && owners <= 1) throw new ActionError("last_owner");
    await ctx.tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, input.membershipId));
    ctx.audit(`membership:${input.membershipId}`, { email: member.email, from: member.membership.role, to: input.role });
    return { role: input.role };
  },
});

const limitField = z.string().trim().max(40);

function parseLimit(value: string, field: string): bigint | null {
  if (value === "") return null;
  const parsed = parseAmount(value, "CNY", { allowNegative: false, allowZero: false });
  if (!parsed.ok) throw new ActionError(`amount_${parsed.error}`, { field });
  return parsed.amountMinor;
}

/** A member's own limits in CNY: the largest single payout or conversion and the daily total; empty means none. */
export const updateMemberLimitsAction = defineAction({
  name: "organization.updateMemberLimits",
  access: { kind: "org", roles: OWNER_ONLY },
  stepUp: true,
  input: z.object({ org: z.string(), membershipId: memberIdField, maxSingle: limitField, dailyTotal: limitField }),
  async handler(ctx, input) {
    const member = await findMember(ctx, input.membershipId);
    const maxSingleMinor = parseLimit(input.maxSingle, "maxSingle");
    const dailyTotalMinor = parseLimit(input.dailyTotal, "dailyTotal");
    if (maxSingleMinor !== null && dailyTotalMinor !== null && maxSingleMinor > dailyTotalMinor) {
      throw new ActionError("limit_single_above_daily");
    }
    await ctx.tx
      .update(memberships)
      .set({ maxSingleMinor, dailyTotalMinor, limitCurrency: "CNY" })
      .where(eq(memberships.id, input.membershipId));
    ctx.audit(`membership:${input.membershipId}`, {
      email: member.email,
      maxSingleMinor: maxSingleMinor?.toString() ?? null,
      dailyTotalMinor: dailyTotalMinor?.toString() ?? null,
      currency: "CNY",
    });
    return { maxSingleMinor, dailyTotalMinor };
  },
});

export const removeMemberAction = defineAction({
  name: "organization.removeMember",
  access: { kind: "org", roles: OWNER_ONLY },
  stepUp: true,
  input: z.object({ org: z.string(), membershipId: memberIdField }),
  async handler(ctx, input) {
    const owners = await ownerCount(ctx);
    const member = await findMember(ctx, input.membershipId);
    if (member.membership.role === "owner" && owners <= 1) throw new ActionError("last_owner");
    await ctx.tx.delete(memberships).where(eq(memberships.id, input.membershipId));
    ctx.audit(`membership:${input.membershipId}`, { email: member.email, role: member.membership.role });
    return { removed: true };
  },
});

