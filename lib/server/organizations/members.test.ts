import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, memberships } from "@/db/schema";
import { executeAction } from "../guard/execute-action";
import { anonymous, createTeam, signedIn } from "@/tests/fixtures/people";
import { changeMemberRoleAction, removeMemberAction, updateMemberLimitsAction } from "./members";

describe("member management", () => {
  it("lets an owner with a fresh second factor change a role, and audits it", async () => {
    const team = await createTeam();
    const request = await signedIn(team.owner, { secondFactorAgoMs: 1000 });
    const result = await executeAction(
      changeMemberRoleAction,
      { org: team.organization.slug, membershipId: team.viewerMembership.id, role: "finance" },
      request,
    );
    expect(result).toEqual({ ok: true, data: { role: "finance" } });
    const audit = await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id));
    expect(audit.map((row) => row.action)).toContain("organization.changeMemberRole");
  });

  it("refuses the unauthenticated, another organization's owner, a lower role, stale step-up and bad input", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const input = { org: team.organization.slug, membershipId: team.viewerMembership.id, role: "owner" };
    expect(await executeAction(changeMemberRoleAction, input, anonymous)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(
      await executeAction(changeMemberRoleAction, input, await signedIn(other.owner, { secondFactorAgoMs: 0 })),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await executeAction(changeMemberRoleAction, input, await signedIn(team.finance)),
    ).toMatchObject({ ok: false, code: "mfa_enrollment_required" });
    expect(
      await executeAction(changeMemberRoleAction, input, await signedIn(team.owner, { secondFactorAgoMs: 16 * 60_000 })),
    ).toMatchObject({ ok: false, code: "step_up_required" });
    expect(
      await executeAction(changeMemberRoleAction, { ...input, role: "emperor" }, await signedIn(team.owner, { secondFactorAgoMs: 0 })),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    const [viewer] = await db().select().from(memberships).where(eq(memberships.id, team.viewerMembership.id));
    expect(viewer!.role).toBe("viewer");
    const audit = await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id));
    expect(audit).toHaveLength(0);
  });

  it("never removes or demotes the last owner", async () => {
    const team = await createTeam();
    const request = await signedIn(team.owner, { secondFactorAgoMs: 0 });
    const org = team.organization.slug;
    expect(await executeAction(removeMemberAction, { org, membershipId: team.ownerMembership.id }, request)).toMatchObject({
      ok: false,
      code: "last_owner",
    });
    expect(
      await executeAction(changeMemberRoleAction, { org, membershipId: team.ownerMembership.id, role: "viewer" }, request),
    ).toMatchObject({ ok: false, code: "last_owner" });
  });

  it("stores limits in CNY minor units and refuses a single limit above the daily one", async () => {
    const team = await createTeam();
    const request = await signedIn(team.owner, { secondFactorAgoMs: 0 });
    const org = team.organization.slug;
    const ok = await executeAction(
      updateMemberLimitsAction,
      { org, membershipId: team.financeMembership.id, maxSingle: "50,000.00", dailyTotal: "200000" },
      request,
    );
    expect(ok).toEqual({ ok: true, data: { maxSingleMinor: 5_000_000n, dailyTotalMinor: 20_000_000n } });
    const refused = await executeAction(
      updateMemberLimitsAction,
      { org, membershipId: team.financeMembership.id, maxSingle: "300000", dailyTotal: "200000" },
      request,
    );
    expect(refused).toMatchObject({ ok: false, code: "limit_single_above_daily" });
  });
});
