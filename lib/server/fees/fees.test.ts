import { and, asc, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, feeSchedules, kybApplications, users } from "@/db/schema";
import { STANDARD_FEE_SCHEDULE } from "@/lib/domain/fees";
import { feeScheduleToForm, type FeeScheduleForm } from "@/lib/domain/fees/form";
import { addDays } from "@/lib/domain/invoices/dates";
import { localDateOf } from "@/lib/domain/time/local-day";
import { createTeam, createUser, signedIn } from "@/tests/fixtures/people";
import { collect } from "@/tests/fixtures/ledger";
import { setPricingAction } from "../fx/pricing";
import { organizationQuote, requestQuoteAction } from "../fx/quotes";
import { storeObservations } from "../fx/rates";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { publishFeeScheduleAction } from "./publish";
import { feeScheduleOverview, upcomingFeeNotice } from "./queries";
import { currentAndUpcomingFeeSchedules, feeScheduleOn, feeScheduleVersions } from "./schedules";

const today = () => localDateOf(new Date());

let admin: RequestContext;
beforeAll(async () => {
  admin = await signedIn(await createUser({ staffRole: "platform_admin", totp: true }), { secondFactorAgoMs: 0 });
});

/** The admin form as the page prefills it from the standard schedule, with `change` applied, as the browser sends it. */
function input(organizationId: string, change: (form: FeeScheduleForm) => void, basedOnVersion = 1) {
  const form = feeScheduleToForm(STANDARD_FEE_SCHEDULE, today());
  change(form);
  return { organizationId, basedOnVersion: String(basedOnVersion), ...form };
}

const lowerBaseRate = (form: FeeScheduleForm) => void (form.baseRate = "0.55");
const raisePayoutFee = (form: FeeScheduleForm) => void (form.fixedFees.find((row) => row.currency === "CNY")!.payout = "8.00");

async function versionsOf(organizationId: string) {
  return db().select({ version: feeSchedules.version, effectiveFrom: feeSchedules.effectiveFrom }).from(feeSchedules).where(eq(feeSchedules.organizationId, organizationId)).orderBy(asc(feeSchedules.version));
}

/** The queued emails to these addresses, with Intl's no-break spaces as plain ones. */
async function mailTo(...emails: string[]) {
  const rows = await db().select().from(emailOutbox).where(inArray(emailOutbox.to, emails)).orderBy(asc(emailOutbox.to));
  return rows.map((row) => ({ ...row, text: row.text.replace(/\u00a0/g, " ") }));
}

async function auditCount(organizationId: string) {
  const [row] = await db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, "fees.publishSchedule")));
  return row!.n;
}

describe("publishing a fee schedule", () => {
  it("lets a platform admin lower a fee at once: the standard schedule becomes version 1, the new one version 2", async () => {
    const team = await createTeam();
    const result = await executeAction(publishFeeScheduleAction, input(team.organization.id, lowerBaseRate), admin);
    expect(result, JSON.stringify(result)).toEqual({ ok: true, data: { version: 2, effectiveFrom: today(), raises: false } });
    expect(await versionsOf(team.organization.id)).toEqual([
      { version: 1, effectiveFrom: STANDARD_FEE_SCHEDULE.effectiveFrom },
      { version: 2, effectiveFrom: today() },
    ]);
    expect((await feeScheduleOn(team.organization.id, today())).collection.baseBps).toBe(55);
    expect(await upcomingFeeNotice(team.organization.id, today())).toBeNull();
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.organizationId, team.organization.id), eq(auditLog.action, "fees.publishSchedule")));
    expect(audit!.summary).toMatchObject({ version: 2, raises: false, notified: 2 });
    expect(audit!.summary.changes).toContainEqual({ fee: "collection_rate", atMonthVolumeCnyMinor: "0", currentBps: 60, nextBps: 55, direction: "lowered" });
    const [mail] = await mailTo(team.owner.email);
    expect(mail!.text).toContain("- Collection fee: 0.6 % → 0.55 % (lower)");
    expect(mail!.text).toContain("- Risk surcharge on payments from AF, BY, CU, IR, KP, MM, RU, SY: 0.3 % → 0.275 % of the amount (lower)");
    expect(mail!.text).toContain("No fee rises.");
  });

  it("emails the owners and finance members, each in their language, and no one else", async () => {
    const team = await createTeam();
    await db().update(users).set({ locale: "zh-CN" }).where(eq(users.id, team.finance.id));
    const effectiveFrom = addDays(today(), 45);
    const result = await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => (raisePayoutFee(form), (form.effectiveFrom = effectiveFrom))), admin);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { version: 2, raises: true } });

    const mails = await mailTo(team.owner.email, team.finance.email, team.viewer.email);
    expect(mails.map((mail) => mail.to).sort()).toEqual([team.owner.email, team.finance.email].sort());
    const owner = mails.find((mail) => mail.to === team.owner.email)!;
    expect(owner.subject).toContain("version 2");
    expect(owner.text).toContain("Payout fee in CNY: CNY 5.00 → CNY 8.00 (higher)");
    expect(owner.text).toContain(`/o/${team.organization.slug}/fees`);
    const finance = mails.find((mail) => mail.to === team.finance.email)!;
    expect(finance.subject).toContain("第 2 版");
    expect(finance.text).toContain("CNY 提现手续费：CNY 5.00 → CNY 8.00（上调）");

    expect(await upcomingFeeNotice(team.organization.id, today())).toEqual({ version: 2, effectiveFrom, raises: true });
  });

  it("refuses a rise that takes effect sooner than 30 days after publication, naming the earliest date, and writes nothing", async () => {
    const team = await createTeam();
    const earliest = addDays(today(), 30);
    const refused = await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => (raisePayoutFee(form), (form.effectiveFrom = addDays(today(), 29)))), admin);
    expect(refused).toMatchObject({ ok: false, code: "fee_schedule_raise_without_notice" });
    expect((refused as { message: string }).message).toContain(earliest);
    // A rise hidden in a lower base rate's company: still a rise.
    const mixed = await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => (raisePayoutFee(form), lowerBaseRate(form))), admin);
    expect(mixed).toMatchObject({ ok: false, code: "fee_schedule_raise_without_notice" });
    expect(await versionsOf(team.organization.id)).toEqual([]);
    expect(await mailTo(team.owner.email, team.finance.email)).toEqual([]);
    expect(await auditCount(team.organization.id)).toBe(0);

    const onTime = await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => (raisePayoutFee(form), (form.effectiveFrom = earliest))), admin);
    expect(onTime).toMatchObject({ ok: true, data: { version: 2, effectiveFrom: earliest } });
  });

  it("refuses bad input with translated field errors, and nothing is written", async () => {
    const team = await createTeam();
    const refused = await executeAction(
      publishFeeScheduleAction,
      input(team.organization.id, (form) => {
        form.baseRate = "0.605";
        form.volumeTiers[0]!.rate = "0.7";
        form.fxTiers = [{ from: "10", spread: "0.5", fee: "" }];
      }),
      admin,
    );
    expect(refused).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { baseRate: ["Enter a percentage with at most two decimals, e.g. 0.6 or 0.55."] } });
    const domain = await executeAction(
      publishFeeScheduleAction,
      input(team.organization.id, (form) => {
        form.volumeTiers[0]!.rate = "0.7";
        form.fxTiers = [{ from: "10", spread: "0.5", fee: "" }];
      }),
      admin,
    );
    expect(domain).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        volumeTiers: ["Volume tiers: each tier's rate must be lower than the rate below its threshold."],
        fxTiers: ["Conversion tiers: the first tier must start at CNY 0."],
      },
    });
    expect(await executeAction(publishFeeScheduleAction, input(team.organization.id, () => undefined), admin)).toMatchObject({ ok: false, code: "fee_schedule_unchanged" });
    expect(await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => (lowerBaseRate(form), (form.effectiveFrom = addDays(today(), -1)))), admin)).toMatchObject({
      ok: false,
      code: "fee_schedule_effective_in_past",
    });
    expect(await versionsOf(team.organization.id)).toEqual([]);
    expect(await auditCount(team.organization.id)).toBe(0);
  });

  it("keeps versions in order: none before the latest one's date, none from a stale form", async () => {
    const team = await createTeam();
    const later = addDays(today(), 60);
    expect(await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => (lowerBaseRate(form), (form.effectiveFrom = later))), admin)).toMatchObject({ ok: true });
    const early = await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => void (form.baseRate = "0.58"), 2), admin);
    expect(early).toMatchObject({ ok: false, code: "fee_schedule_before_latest" });
    expect(await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => (form.baseRate = "0.58", (form.effectiveFrom = later)), 1), admin)).toMatchObject({
      ok: false,
      code: "fee_schedule_changed",
    });
    // Replacing the announced version on its own date: the higher version prices that date.
    expect(await executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => ((form.baseRate = "0.58"), (form.effectiveFrom = later)), 2), admin)).toMatchObject({
      ok: true,
      data: { version: 3 },
    });
    const { current, upcoming } = await currentAndUpcomingFeeSchedules(team.organization.id, today());
    expect([current.version, upcoming?.version, upcoming?.collection.baseBps]).toEqual([1, 3, 58]);
  });

  it("refuses everyone but platform admins, and writes nothing", async () => {
    const team = await createTeam();
    const reviewer = await signedIn(await createUser({ staffRole: "kyc_reviewer", totp: true }), { secondFactorAgoMs: 0 });
    const owner = await signedIn(team.owner, { secondFactorAgoMs: 0 });
    for (const request of [reviewer, owner]) {
      expect(await executeAction(publishFeeScheduleAction, input(team.organization.id, lowerBaseRate), request)).toMatchObject({ ok: false, code: "forbidden" });
    }
    const stale = await signedIn(await createUser({ staffRole: "platform_admin", totp: true }), { secondFactorAgoMs: 20 * 60_000 });
    expect(await executeAction(publishFeeScheduleAction, input(team.organization.id, lowerBaseRate), stale)).toMatchObject({ ok: false, code: "step_up_required" });
    expect(await versionsOf(team.organization.id)).toEqual([]);
  });

  it("publishes one version when two admins publish from the same form at once", async () => {
    const team = await createTeam();
    const second = await signedIn(await createUser({ staffRole: "platform_admin", totp: true }), { secondFactorAgoMs: 0 });
    const results = await Promise.all([
      executeAction(publishFeeScheduleAction, input(team.organization.id, lowerBaseRate), admin),
      executeAction(publishFeeScheduleAction, input(team.organization.id, (form) => void (form.baseRate = "0.58")), second),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: "fee_schedule_changed" });
    expect((await versionsOf(team.organization.id)).map((row) => row.version)).toEqual([1, 2]);
    expect(await mailTo(team.owner.email)).toHaveLength(1);
  });

  it("shows each organization only its own schedule", async () => {
    const [a, b] = [await createTeam(), await createTeam()];
    const effectiveFrom = addDays(today(), 40);
    expect(await executeAction(publishFeeScheduleAction, input(a.organization.id, (form) => (raisePayoutFee(form), (form.effectiveFrom = effectiveFrom))), admin)).toMatchObject({ ok: true });
    const mine = await currentAndUpcomingFeeSchedules(a.organization.id, today());
    const theirs = await currentAndUpcomingFeeSchedules(b.organization.id, today());
    expect(mine.upcoming).toMatchObject({ version: 2, effectiveFrom, payoutFixed: { CNY: 800n } });
    expect(theirs).toEqual({ current: STANDARD_FEE_SCHEDULE, upcoming: null });
    expect(await upcomingFeeNotice(b.organization.id, today())).toBeNull();
    expect(await mailTo(b.owner.email, b.finance.email)).toEqual([]);
    const overview = await feeScheduleOverview(today());
    expect(overview.find((row) => row.id === a.organization.id)).toMatchObject({ own: true, current: { version: 1 }, upcoming: { version: 2, effectiveFrom } });
    expect(overview.find((row) => row.id === b.organization.id)).toMatchObject({ own: false, current: null, upcoming: null });
  });
});

describe("FX quotes price on the fee schedule", () => {
  beforeAll(async () => {
    const asOf = new Date(Date.now() - 3_600_000);
    await storeObservations(db(), [
      { base: "EUR", quote: "USD", rate: "1.1580", asOf, source: "fees-test" },
      { base: "EUR", quote: "CNY", rate: "8.2315", asOf, source: "fees-test" },
    ]);
  });

  async function quoteSpread(team: Awaited<ReturnType<typeof createTeam>>, request: RequestContext) {
    const result = await executeAction(requestQuoteAction, { org: team.organization.slug, sellCurrency: "USD", buyCurrency: "CNY", side: "sell", amount: "1,000.00" }, request);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    return (await organizationQuote(team.organization.id, (result as { data: { quoteId: string } }).data.quoteId))!.spreadBps;
  }

  it("keeps the FX pricing set for the organization in its first version, then takes the tiers of the version in effect", async () => {
    const team = await createTeam();
    await db().insert(kybApplications).values({ organizationId: team.organization.id, status: "approved", approvedTier: "premium" });
    await collect(team.organization.id, 1_000_000n);
    const owner = await signedIn(team.owner, { secondFactorAgoMs: 0 });
    const set = await executeAction(setPricingAction, { organizationId: team.organization.id, tiers: [{ from: "0", spreadBps: "40", feeBps: "0" }] }, admin);
    expect(set, JSON.stringify(set)).toMatchObject({ ok: true });
    expect(await quoteSpread(team, owner)).toBe(40);

    const keepSpread = { fxTiers: [{ from: "0", spread: "0.4", fee: "" }] };
    expect(await executeAction(publishFeeScheduleAction, { ...input(team.organization.id, lowerBaseRate), ...keepSpread }, admin)).toMatchObject({ ok: true, data: { raises: false } });
    expect((await feeScheduleVersions(team.organization.id))[0]!.fx.tiers).toEqual([{ fromCnyMinor: 0n, spreadBps: 40, feeBps: 0 }]);
    expect(await quoteSpread(team, owner)).toBe(40);

    const lowerSpread = { ...input(team.organization.id, lowerBaseRate, 2), fxTiers: [{ from: "0", spread: "0.25", fee: "" }] };
    expect(await executeAction(publishFeeScheduleAction, lowerSpread, admin)).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await quoteSpread(team, owner)).toBe(25);
    // Its FX prices now change only through a new version, with the notice a rise needs.
    expect(await executeAction(setPricingAction, { organizationId: team.organization.id, tiers: [{ from: "0", spreadBps: "60", feeBps: "0" }] }, admin)).toMatchObject({
      ok: false,
      code: "fee_schedule_sets_fx_pricing",
    });
  });
});
