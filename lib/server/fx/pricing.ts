import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { feeSchedules, fxPricing, organizations } from "@/db/schema";
import { DEFAULT_PRICING, fromStoredTiers, pricingProblem, toStoredTiers, MAX_TIERS, type Pricing, type PricingTier } from "@/lib/domain/fx";
import { parseAmount, toDecimalString } from "@/lib/domain/money";
import { feeScheduleOn, hasOwnFeeSchedule, standardScheduleOf } from "../fees/schedules";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";

/**
 * The organization's FX pricing on `date` (China time): the FX tiers of its fee schedule in effect, which are the
 * ones set here until it has a fee schedule of its own, or the default.
 */
export async function loadPricing(executor: Executor, organizationId: string, date: string): Promise<Pricing> {
  return (await feeScheduleOn(organizationId, date, executor)).fx;
}

/**
 * Every organization with its pricing, for the admin page: `feeSchedule` when it has a fee schedule of its own
 * (its FX tiers are set there, so none are shown here), else its own tiers set here (`custom`) or the default.
 */
export async function pricingOverview() {
  const rows = await db()
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      tiers: fxPricing.tiers,
      byFeeSchedule: sql<boolean>`exists (select 1 from ${feeSchedules} where ${feeSchedules.organizationId} = ${organizations.id})`,
    })
    .from(organizations)
    .leftJoin(fxPricing, eq(fxPricing.organizationId, organizations.id))
    .orderBy(asc(organizations.name));
  return rows.map(({ byFeeSchedule, tiers, ...organization }) =>
    byFeeSchedule
      ? { ...organization, pricedBy: "feeSchedule" as const, tiers: [] }
      : { ...organization, pricedBy: tiers ? ("custom" as const) : ("default" as const), tiers: tiers ? fromStoredTiers(tiers) : [...DEFAULT_PRICING.tiers] },
  );
}

const bpsField = z.string().trim().max(6);
const tierRow = z.object({ from: z.string().trim().max(40).default(""), spreadBps: bpsField.default(""), feeBps: bpsField.default("") });

function parseBps(text: string, field: string): number {
  if (!/^\d{1,4}$/.test(text)) throw new ActionError("fx_bps_invalid", { field });
  return Number(text);
}

/** The tier rows as typed: an all-empty row is skipped; `from` is a CNY amount. */
export function parseTierRows(rows: z.output<typeof tierRow>[]): PricingTier[] {
  const tiers: PricingTier[] = [];
  rows.forEach((row, index) => {
    if (row.from === "" && row.spreadBps === "" && row.feeBps === "") return;
    const from = row.from === "" ? { ok: true as const, amountMinor: 0n } : parseAmount(row.from, "CNY", { allowZero: true });
    if (!from.ok) throw new ActionError(`amount_${from.error}`, { field: `tiers.${index}.from` });
    tiers.push({ fromCnyMinor: from.amountMinor, spreadBps: parseBps(row.spreadBps, `tiers.${index}.spreadBps`), feeBps: parseBps(row.feeBps || "0", `tiers.${index}.feeBps`) });
  });
  tiers.sort((a, b) => (a.fromCnyMinor < b.fromCnyMinor ? -1 : a.fromCnyMinor > b.fromCnyMinor ? 1 : 0));
  return tiers;
}

/** Platform admins set an organization's spread and fee per amount tier; audited with before and after. */
export const setPricingAction = defineAction({
  name: "fx.setPricing",
  access: { kind: "staff", roles: ["platform_admin"] },
  stepUp: true,
  input: z.object({ organizationId: z.uuid(), tiers: z.array(tierRow).max(MAX_TIERS + 4) }),
  async handler(ctx, input) {
    const [organization] = await ctx.tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(eq(organizations.id, input.organizationId));
    if (!organization) throw new ActionError("not_found");
    if (await hasOwnFeeSchedule(organization.id, ctx.tx)) throw new ActionError("fee_schedule_sets_fx_pricing");
    const tiers = parseTierRows(input.tiers);
    const problem = pricingProblem(tiers);
    if (problem) throw new ActionError(`fx_pricing_${problem}`);
    const before = await standardScheduleOf(organization.id, ctx.tx);
    const stored = toStoredTiers(tiers);
    await ctx.tx
      .insert(fxPricing)
      .values({ organizationId: organization.id, tiers: stored, updatedBy: ctx.auth.user.id })
      .onConflictDoUpdate({ target: fxPricing.organizationId, set: { tiers: stored, updatedBy: ctx.auth.user.id, updatedAt: new Date() } });
    const show = (list: readonly PricingTier[]) => list.map((t) => ({ fromCny: toDecimalString(t.fromCnyMinor, "CNY"), spreadBps: t.spreadBps, feeBps: t.feeBps }));
    ctx.audit(`organization:${organization.slug}`, { from: show(before.fx.tiers), to: show(tiers) }, organization.id);
    return { tiers: stored };
  },
});
