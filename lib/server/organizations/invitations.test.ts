import { randomUUID } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, invitations, memberships } from "@/db/schema";
import { anonymous, createTeam, createUser, signedIn, type TestUser } from "@/tests/fixtures/people";
import { hashToken } from "../auth/tokens";
import { executeAction } from "../guard/execute-action";
import { translator } from "../i18n/translator";
import { acceptInvitationAction, INVITATION_TTL_MS, inviteMemberAction, revokeInvitationAction } from "./invitations";

type Team = Awaited<ReturnType<typeof createTeam>>;

async function counts() {
  const [[i], [e], [a], [m]] = await Promise.all([
    db().select({ n: count() }).from(invitations),
    db().select({ n: count() }).from(emailOutbox),
    db().select({ n: count() }).from(auditLog),
    db().select({ n: count() }).from(memberships),
  ]);
  return { invitations: i!.n, emails: e!.n, audit: a!.n, memberships: m!.n };
}

/** The owner invites `email`; returns the invitation id and the token of the /invite/<token> link that was emailed. */
async function invite(team: Team, email: string, role: "owner" | "finance" | "viewer" = "finance") {
  const request = await signedIn(team.owner, { secondFactorAgoMs: role === "owner" ? 0 : undefined });
  const result = await executeAction(inviteMemberAction, { org: team.organization.slug, email, role }, request);
  if (!result.ok) throw new Error(`invite failed: ${result.code}`);
  const [mail] = await db()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.to, email.trim().toLowerCase()))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const token = mail?.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation link in ${mail?.text}`);
  return { invitationId: result.data.invitationId, token, mail: mail! };
}

async function membershipOf(organizationId: string, user: TestUser) {
  const [row] = await db()
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, user.id)));
  return row ?? null;
}

describe("invitations", () => {
  it("lets an owner invite by email, with a link to /invite/<token> and only its hash stored", async () => {
    const team = await createTeam();
    const email = `invitee-${randomUUID()}@example.test`;
    const { invitationId, token, mail } = await invite(team, email.toUpperCase(), "viewer");

    const t = await translator("en");
    expect(mail.subject).toBe(t("email.invitation.subject", { inviter: "Test User", organization: team.organization.name }));
    expect(mail.text).toMatch(new RegExp(`https?://[^\\s]+/invite/${token}(\\s|$)`));

    const [row] = await db().select().from(invitations).where(eq(invitations.id, invitationId));
    expect(row).toMatchObject({
      organizationId: team.organization.id,
      email,
      role: "viewer",
      invitedBy: team.owner.id,
      tokenHash: hashToken(token),
      acceptedAt: null,
      revokedAt: null,
    });
    expect(Math.abs(row!.expiresAt.getTime() - (Date.now() + INVITATION_TTL_MS))).toBeLessThan(60_000);

    const [audit] = await db().select().from(auditLog).where(eq(auditLog.target, `invitation:${invitationId}`));
    expect(audit).toMatchObject({
      action: "organization.inviteMember",
      actorUserId: team.owner.id,
      organizationId: team.organization.id,
      summary: { email, role: "viewer" },
    });
    expect(JSON.stringify(audit!.summary)).not.toContain(token);
  });

  it("refuses finance and viewer members, another organization's owner and the signed-out", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const before = await counts();
    const input = { org: team.organization.slug, email: `x-${randomUUID()}@example.test`, role: "viewer" };
    expect(await executeAction(inviteMemberAction, input, await signedIn(team.finance))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(inviteMemberAction, input, await signedIn(team.viewer))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(inviteMemberAction, input, await signedIn(other.owner))).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(inviteMemberAction, { ...input, org: "fdoesnotexist" }, await signedIn(team.owner))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await executeAction(inviteMemberAction, input, anonymous)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await counts()).toEqual(before);
  });

  it("refuses to invite someone who is already a member", async () => {
    const team = await createTeam();
    const before = await counts();
    const result = await executeAction(
      inviteMemberAction,
      { org: team.organization.slug, email: team.finance.email.toUpperCase(), role: "owner" },
      await signedIn(team.owner, { secondFactorAgoMs: 0 }),
    );
    expect(result).toMatchObject({ ok: false, code: "already_member" });
    expect(await counts()).toEqual(before);
  });

  it("revokes the earlier invitation when the same address is invited again", async () => {
    const team = await createTeam();
    const invitee = await createUser();
    const first = await invite(team, invitee.email, "owner");
    const second = await invite(team, invitee.email, "viewer");

    const rows = await db().select().from(invitations).where(eq(invitations.organizationId, team.organization.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === first.invitationId)!.revokedAt).not.toBeNull();
    expect(rows.find((r) => r.id === second.invitationId)!.revokedAt).toBeNull();

    const request = await signedIn(invitee);
    expect(await executeAction(acceptInvitationAction, { token: first.token }, request)).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await executeAction(acceptInvitationAction, { token: second.token }, request)).toMatchObject({ ok: true });
    expect((await membershipOf(team.organization.id, invitee))!.role).toBe("viewer");
  });

  it("lets the invitee accept once with the link, joining with the invited role", async () => {
    const team = await createTeam();
    const invitee = await createUser();
    const { invitationId, token } = await invite(team, invitee.email, "finance");
    const request = await signedIn(invitee);

    expect(await executeAction(acceptInvitationAction, { token }, request)).toEqual({
      ok: true,
      data: { slug: team.organization.slug },
    });
    const membership = await membershipOf(team.organization.id, invitee);
    expect(membership).toMatchObject({ role: "finance", maxSingleMinor: null, dailyTotalMinor: null });
    const [row] = await db().select().from(invitations).where(eq(invitations.id, invitationId));
    expect(row!.acceptedAt).not.toBeNull();
    const audit = await db().select().from(auditLog).where(eq(auditLog.actorUserId, invitee.id));
    expect(audit).toEqual([
      expect.objectContaining({
        action: "organization.acceptInvitation",
        target: `invitation:${invitationId}`,
        organizationId: team.organization.id,
      }),
    ]);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain(token);

    expect(await executeAction(acceptInvitationAction, { token }, request)).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await executeAction(acceptInvitationAction, { token }, anonymous)).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("refuses a signed-in user the invitation was not addressed to", async () => {
    const team = await createTeam();
    const invitee = await createUser();
    const stranger = await createUser();
    const { invitationId, token } = await invite(team, invitee.email);

    const result = await executeAction(acceptInvitationAction, { token }, await signedIn(stranger));
    expect(result).toMatchObject({ ok: false, code: "invitation_other_email" });
    if (!result.ok) expect(result.message).toContain(invitee.email);
    expect(await membershipOf(team.organization.id, stranger)).toBeNull();
    const [row] = await db().select().from(invitations).where(eq(invitations.id, invitationId));
    expect(row!.acceptedAt).toBeNull();

    // The invitee can still use it.
    expect(await executeAction(acceptInvitationAction, { token }, await signedIn(invitee))).toMatchObject({ ok: true });
  });

  it("refuses a revoked or expired link, and revoking is the owner's alone", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const invitee = await createUser();
    const request = await signedIn(invitee);

    const revoked = await invite(team, invitee.email);
    const revokeInput = { org: team.organization.slug, invitationId: revoked.invitationId };
    expect(await executeAction(revokeInvitationAction, revokeInput, await signedIn(team.finance))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await executeAction(revokeInvitationAction, { org: other.organization.slug, invitationId: revoked.invitationId }, await signedIn(other.owner)),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(revokeInvitationAction, revokeInput, await signedIn(team.owner))).toEqual({
      ok: true,
      data: { revoked: true },
    });
    expect(await executeAction(revokeInvitationAction, revokeInput, await signedIn(team.owner))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await executeAction(acceptInvitationAction, { token: revoked.token }, request)).toMatchObject({
      ok: false,
      code: "link_invalid",
    });

    const expired = await invite(team, invitee.email);
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.invitationId));
    expect(await executeAction(acceptInvitationAction, { token: expired.token }, request)).toMatchObject({
      ok: false,
      code: "link_invalid",
    });
    expect(await executeAction(acceptInvitationAction, { token: "z".repeat(43) }, request)).toMatchObject({
      ok: false,
      code: "link_invalid",
    });
    expect(await membershipOf(team.organization.id, invitee)).toBeNull();
  });

  it("demands a fresh second factor to invite an owner, but not a finance member", async () => {
    const team = await createTeam();
    const stale = await signedIn(team.owner, { secondFactorAgoMs: 20 * 60_000 });
    const before = await counts();
    const input = { org: team.organization.slug, email: `o-${randomUUID()}@example.test`, role: "owner" };
    expect(await executeAction(inviteMemberAction, input, stale)).toMatchObject({ ok: false, code: "step_up_required" });
    expect(await counts()).toEqual(before);
    expect(await executeAction(inviteMemberAction, { ...input, role: "finance" }, stale)).toMatchObject({ ok: true });
  });

  it("refuses bad input and writes nothing", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const org = team.organization.slug;
    const before = await counts();
    const bad: Array<[unknown, string]> = [
      [{ org, email: "not-an-email", role: "viewer" }, "email"],
      [{ org, email: "", role: "viewer" }, "email"],
      [{ org, email: `x-${randomUUID()}@example.test`, role: "emperor" }, "role"],
      [{ org, email: `x-${randomUUID()}@example.test` }, "role"],
      [{ email: `x-${randomUUID()}@example.test`, role: "viewer" }, "org"],
    ];
    for (const [input, field] of bad) {
      const result = await executeAction(inviteMemberAction, input, owner);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid_input" });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
    expect(await executeAction(inviteMemberAction, null, owner)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await executeAction(acceptInvitationAction, { token: "short" }, owner)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await executeAction(revokeInvitationAction, { org, invitationId: "nope" }, owner)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await counts()).toEqual(before);
  });
});
