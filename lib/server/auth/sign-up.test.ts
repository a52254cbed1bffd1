import { randomUUID } from "node:crypto";
import { count, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, authTokens, emailOutbox, invitations, memberships, organizations, users } from "@/db/schema";
import type { Locale } from "@/i18n/catalog";
import { anonymous, createTeam, createUser, reloadUser, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { translator } from "../i18n/translator";
import { inviteMemberAction } from "../organizations/invitations";
import { requestPasswordResetAction } from "./password-reset";
import { signIn } from "./sign-in";
import { signUpAction } from "./sign-up";
import { hashToken } from "./tokens";
import { verifyEmailAction } from "./verify-email";

const PASSWORD = "Harbour-Crane-47-Lantern";

function newEmail(): string {
  return `signup-${randomUUID()}@example.test`;
}

function signUpInput(overrides: Record<string, unknown> = {}) {
  return { name: "Li Wei", email: newEmail(), password: PASSWORD, companyName: "Ningbo Fasteners Co.", locale: "en", ...overrides };
}

async function rowCounts() {
  const [[u], [o], [e], [a], [t], [m]] = await Promise.all([
    db().select({ n: count() }).from(users),
    db().select({ n: count() }).from(organizations),
    db().select({ n: count() }).from(emailOutbox),
    db().select({ n: count() }).from(auditLog),
    db().select({ n: count() }).from(authTokens),
    db().select({ n: count() }).from(memberships),
  ]);
  return { users: u!.n, organizations: o!.n, emails: e!.n, audit: a!.n, tokens: t!.n, memberships: m!.n };
}

async function emailsTo(address: string) {
  return db().select().from(emailOutbox).where(eq(emailOutbox.to, address)).orderBy(desc(emailOutbox.createdAt));
}

/** The token of the first link to `path` in the newest email to `address`. */
async function linkToken(address: string, path: RegExp): Promise<string> {
  const [mail] = await emailsTo(address);
  const match = mail?.text.match(path);
  if (!match?.[1]) throw new Error(`no link matching ${path} in the email to ${address}: ${mail?.text}`);
  return decodeURIComponent(match[1]);
}

const VERIFY_LINK = /\/verify-email\?token=([A-Za-z0-9_\-%]+)/;

async function expectTemplate(address: string, locale: Locale, template: string, values: (text: string) => Record<string, string>) {
  const mails = await emailsTo(address);
  expect(mails).toHaveLength(1);
  const t = await translator(locale);
  const mail = mails[0]!;
  expect(mail.subject).toBe(t(`email.${template}.subject`, values(mail.text)));
  expect(mail.text).toBe(t(`email.${template}.body`, values(mail.text)));
}

describe("sign-up", () => {
  it("creates an unverified user, their organization with them as owner, and a verification email in their language", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const input = signUpInput({ locale, email: newEmail().toUpperCase() });
      const email = input.email.toLowerCase();
      const result = await executeAction(signUpAction, input, anonymous);
      expect(result).toEqual({ ok: true, data: { email, verified: false } });

      const [user] = await db().select().from(users).where(eq(users.email, email));
      expect(user).toMatchObject({ name: "Li Wei", locale, emailVerifiedAt: null, staffRole: null, totpEnabledAt: null });
      expect(user!.passwordHash).not.toContain(PASSWORD);
      expect(user!.passwordHash).toMatch(/^\$argon2id\$/);

      const owned = await db()
        .select({ organization: organizations, membership: memberships })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(eq(memberships.userId, user!.id));
      expect(owned).toHaveLength(1);
      expect(owned[0]!.organization.name).toBe("Ningbo Fasteners Co.");
      expect(owned[0]!.membership.role).toBe("owner");

      await expectTemplate(email, locale, "verifyEmail", (text) => ({ name: "Li Wei", url: text.match(/https?:\/\/\S+/)![0] }));
      const token = await linkToken(email, VERIFY_LINK);
      const [stored] = await db().select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
      expect(stored).toMatchObject({ purpose: "verify_email", userId: user!.id, usedAt: null });
      expect(stored!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000);

      const audit = await db().select().from(auditLog).where(eq(auditLog.target, `user:${user!.id}`));
      expect(audit.map((row) => row.action)).toEqual(["auth.signUp"]);
      expect(audit[0]!.summary).not.toHaveProperty("password");
      expect(JSON.stringify(audit[0]!.summary)).not.toContain(PASSWORD);

      expect(await signIn({ email, password: PASSWORD, ip: `10.1.${Math.floor(Math.random() * 250)}.1`, userAgent: "vitest" })).toEqual({
        ok: false,
        code: "email_not_verified",
      });
    }
  });

  it("refuses a common, a short or a long password, a bad email and a missing company, writing nothing", async () => {
    const before = await rowCounts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ password: "password1234" }, "password_too_common"],
      [{ password: "PASSWORD1234" }, "password_too_common"],
      [{ password: "abcabcabcabc" }, "password_too_common"],
      [{ password: "Short-pw-1" }, "password_too_short"],
      [{ password: "Long-enough-".repeat(22) }, "invalid_input"],
      [{ email: "not-an-email" }, "invalid_input"],
      [{ email: "" }, "invalid_input"],
      [{ name: "" }, "invalid_input"],
      [{ companyName: "" }, "company_name_required"],
    ];
    for (const [overrides, code] of cases) {
      const result = await executeAction(signUpAction, signUpInput(overrides), anonymous);
      expect(result, JSON.stringify(overrides)).toMatchObject({ ok: false, code });
      if (!result.ok) expect(result.message).not.toBe(code);
    }
    const badEmail = await executeAction(signUpAction, signUpInput({ email: "not-an-email" }), anonymous);
    expect(badEmail).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { email: ["Enter a valid email address."] } });
    expect(await rowCounts()).toEqual(before);
  });

  it("answers an existing address the same way, emails its owner instead, and creates no second user", async () => {
    const existing = await createUser();
    const { passwordHash } = await reloadUser(existing.id);
    const before = await rowCounts();
    const result = await executeAction(signUpAction, signUpInput({ email: existing.email.toUpperCase() }), anonymous);
    expect(result).toEqual({ ok: true, data: { email: existing.email, verified: false } });

    const same = await db().select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${existing.email}`);
    expect(same).toEqual([{ id: existing.id }]);
    await expectTemplate(existing.email, "en", "existingAccount", (text) => ({ signInUrl: text.match(/https?:\/\/\S+\/sign-in/)![0] }));
    const after = await rowCounts();
    expect(after).toEqual({ ...before, emails: before.emails + 1, audit: before.audit + 1 });
    const [audit] = await db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: "auth.signUp", target: null, actorUserId: null });
    expect(audit!.summary).toMatchObject({ email: existing.email, outcome: "existing_account" });
    // Nothing about the existing account changed.
    expect((await reloadUser(existing.id)).passwordHash).toBe(passwordHash);
  });

  it("joins the inviting organization, verified, when signing up from an invitation", async () => {
    const team = await createTeam();
    const invitee = newEmail();
    const invited = await executeAction(
      inviteMemberAction,
      { org: team.organization.slug, email: invitee, role: "finance" },
      await signedIn(team.owner),
    );
    expect(invited.ok).toBe(true);
    const token = await linkToken(invitee, /\/invite\/([A-Za-z0-9_\-%]+)/);

    const before = await rowCounts();
    const result = await executeAction(
      signUpAction,
      signUpInput({ email: invitee, companyName: "", invitationToken: token, locale: "zh-CN" }),
      anonymous,
    );
    expect(result).toEqual({ ok: true, data: { email: invitee, verified: true } });

    const [user] = await db().select().from(users).where(eq(users.email, invitee));
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(user!.locale).toBe("zh-CN");
    const joined = await db().select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ organizationId: team.organization.id, role: "finance" });
    const [invitation] = await db().select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
    expect(invitation!.acceptedAt).not.toBeNull();
    // No organization of their own, and no verification email: the link proved the address.
    expect(await rowCounts()).toMatchObject({
      organizations: before.organizations,
      users: before.users + 1,
      memberships: before.memberships + 1,
      emails: before.emails,
      tokens: before.tokens,
    });
    const audit = await db().select().from(auditLog).where(eq(auditLog.target, `invitation:${invitation!.id}`)).orderBy(auditLog.id);
    expect(audit.map((row) => [row.action, row.organizationId])).toEqual([
      ["organization.inviteMember", team.organization.id],
      ["auth.signUp", team.organization.id],
    ]);

    expect(await signIn({ email: invitee, password: PASSWORD, ip: "10.2.0.1", userAgent: "vitest" })).toMatchObject({ ok: true });

    // The link is spent.
    const again = await executeAction(
      signUpAction,
      signUpInput({ email: newEmail(), companyName: "", invitationToken: token }),
      anonymous,
    );
    expect(again).toMatchObject({ ok: false, code: "link_invalid" });
  });

  it("refuses an invitation used with another email address, writing nothing", async () => {
    const team = await createTeam();
    const invitee = newEmail();
    await executeAction(inviteMemberAction, { org: team.organization.slug, email: invitee, role: "viewer" }, await signedIn(team.owner));
    const token = await linkToken(invitee, /\/invite\/([A-Za-z0-9_\-%]+)/);

    const before = await rowCounts();
    const result = await executeAction(signUpAction, signUpInput({ invitationToken: token, companyName: "" }), anonymous);
    expect(result).toMatchObject({ ok: false, code: "invitation_other_email" });
    if (!result.ok) expect(result.message).toContain(invitee);
    const bogus = await executeAction(signUpAction, signUpInput({ invitationToken: "x".repeat(43) }), anonymous);
    expect(bogus).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await rowCounts()).toEqual(before);
    const [invitation] = await db().select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
    expect(invitation!.acceptedAt).toBeNull();
  });

  it("verifies the email once with the link; a second use or an expired link is refused", async () => {
    const input = signUpInput();
    await executeAction(signUpAction, input, anonymous);
    const token = await linkToken(input.email, VERIFY_LINK);
    const [user] = await db().select().from(users).where(eq(users.email, input.email));

    expect(await executeAction(verifyEmailAction, { token }, anonymous)).toEqual({ ok: true, data: { email: input.email } });
    const verified = await reloadUser(user!.id);
    expect(verified.emailVerifiedAt).not.toBeNull();
    expect(await executeAction(verifyEmailAction, { token }, anonymous)).toMatchObject({ ok: false, code: "link_invalid" });
    expect((await reloadUser(user!.id)).emailVerifiedAt).toEqual(verified.emailVerifiedAt);
    expect(await signIn({ email: input.email, password: PASSWORD, ip: "10.3.0.1", userAgent: "vitest" })).toMatchObject({ ok: true });

    const late = signUpInput();
    await executeAction(signUpAction, late, anonymous);
    const lateToken = await linkToken(late.email, VERIFY_LINK);
    await db()
      .update(authTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authTokens.tokenHash, hashToken(lateToken)));
    expect(await executeAction(verifyEmailAction, { token: lateToken }, anonymous)).toMatchObject({ ok: false, code: "link_invalid" });
    const [lateUser] = await db().select().from(users).where(eq(users.email, late.email));
    expect(lateUser!.emailVerifiedAt).toBeNull();

    // An unknown token, or a link made for another purpose, verifies nothing.
    expect(await executeAction(verifyEmailAction, { token: "not-a-real-token-at-all-000" }, anonymous)).toMatchObject({
      ok: false,
      code: "link_invalid",
    });
    await executeAction(requestPasswordResetAction, { email: late.email }, anonymous);
    const resetToken = await linkToken(late.email, /\/reset-password\?token=([A-Za-z0-9_\-%]+)/);
    expect(await executeAction(verifyEmailAction, { token: resetToken }, anonymous)).toMatchObject({ ok: false, code: "link_invalid" });
    expect((await reloadUser(lateUser!.id)).emailVerifiedAt).toBeNull();
  });
});
