import { randomUUID } from "node:crypto";
import { count, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, authTokens, emailOutbox, sessions, users } from "@/db/schema";
import { anonymous, createUser, reloadUser, signedIn, TEST_PASSWORD } from "@/tests/fixtures/people";
import { signOutEverywhereAction } from "../account/sessions";
import { executeAction } from "../guard/execute-action";
import { translator } from "../i18n/translator";
import { PASSWORD_RESET_TTL_MS, requestPasswordResetAction, resetPasswordAction } from "./password-reset";
import { signIn } from "./sign-in";
import { hashToken } from "./tokens";
import { resendVerificationAction } from "./verify-email";

const NEW_PASSWORD = "Quiet-Harbour-Tide-2291";

let ipCounter = 0;
function freshIp(): string {
  ipCounter++;
  return `10.30.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

function signInWith(email: string, password: string) {
  return signIn({ email, password, ip: freshIp(), userAgent: "vitest" });
}

async function counts() {
  const [[tokens], [emails]] = await Promise.all([
    db().select({ n: count() }).from(authTokens),
    db().select({ n: count() }).from(emailOutbox),
  ]);
  return { tokens: tokens!.n, emails: emails!.n };
}

/** Asks for a reset of `email` and returns the token from the link in the email. */
async function requestReset(email: string): Promise<string> {
  const result = await executeAction(requestPasswordResetAction, { email }, anonymous);
  expect(result).toEqual({ ok: true, data: { email: email.trim().toLowerCase() } });
  const [mail] = await db()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.to, email.trim().toLowerCase()))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const token = mail?.text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no reset link in ${mail?.text}`);
  return token;
}

describe("password reset", () => {
  it("answers an unknown address the same way and writes no token or email", async () => {
    const before = await counts();
    const email = `nobody-${randomUUID()}@example.test`;
    expect(await executeAction(requestPasswordResetAction, { email }, anonymous)).toEqual({ ok: true, data: { email } });
    expect(await counts()).toEqual(before);
    const [audit] = await db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: "auth.requestPasswordReset", target: null, summary: { email } });

    expect(await executeAction(requestPasswordResetAction, { email: "not an email" }, anonymous)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await counts()).toEqual(before);
  });

  it("writes a one-hour token and emails the link in the user's language", async () => {
    const user = await createUser();
    const before = await counts();
    const token = await requestReset(`  ${user.email.toUpperCase()}`);
    expect(await counts()).toEqual({ tokens: before.tokens + 1, emails: before.emails + 1 });

    const [stored] = await db().select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    expect(stored).toMatchObject({ purpose: "reset_password", userId: user.id, usedAt: null });
    expect(Math.abs(stored!.expiresAt.getTime() - (Date.now() + PASSWORD_RESET_TTL_MS))).toBeLessThan(60_000);
    // Only the hash is kept.
    expect(JSON.stringify(stored)).not.toContain(token);

    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, user.email));
    const t = await translator("en");
    expect(mail!.subject).toBe(t("email.resetPassword.subject"));
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.target, `user:${user.id}`));
    expect(audit).toMatchObject({ action: "auth.requestPasswordReset", actorUserId: null });
  });

  it("sets the new password, signs the account out everywhere and lifts a lockout", async () => {
    const user = await createUser();
    const first = await signedIn(user);
    const second = await signedIn(user);
    await db()
      .update(users)
      .set({ failedLogins: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) })
      .where(eq(users.id, user.id));
    expect(await signInWith(user.email, TEST_PASSWORD)).toEqual({ ok: false, code: "account_locked" });

    const token = await requestReset(user.email);
    expect(await executeAction(resetPasswordAction, { token, password: NEW_PASSWORD }, anonymous)).toEqual({
      ok: true,
      data: { done: true },
    });

    expect(await reloadUser(user.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    const userSessions = await db().select().from(sessions).where(eq(sessions.userId, user.id));
    expect(userSessions).toHaveLength(2);
    expect(userSessions.every((s) => s.revokedAt !== null)).toBe(true);
    for (const request of [first, second]) {
      expect(await executeAction(signOutEverywhereAction, {}, request)).toMatchObject({ ok: false, code: "unauthenticated" });
    }

    expect(await signInWith(user.email, NEW_PASSWORD)).toMatchObject({ ok: true });
    expect(await signInWith(user.email, TEST_PASSWORD)).toEqual({ ok: false, code: "invalid_credentials" });

    const [stored] = await db().select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    expect(stored!.usedAt).not.toBeNull();
    const audit = await db().select().from(auditLog).where(eq(auditLog.target, `user:${user.id}`)).orderBy(auditLog.id);
    expect(audit.map((row) => row.action)).toEqual(["auth.requestPasswordReset", "auth.resetPassword"]);
    expect(JSON.stringify(audit.map((row) => row.summary))).not.toContain(NEW_PASSWORD);
  });

  it("refuses a weak new password and leaves the token unused", async () => {
    const user = await createUser();
    const token = await requestReset(user.email);
    const { passwordHash } = await reloadUser(user.id);

    expect(await executeAction(resetPasswordAction, { token, password: "password1234" }, anonymous)).toMatchObject({
      ok: false,
      code: "password_too_common",
    });
    expect(await executeAction(resetPasswordAction, { token, password: "Short-1" }, anonymous)).toMatchObject({
      ok: false,
      code: "password_too_short",
    });
    expect(await executeAction(resetPasswordAction, { token, password: "" }, anonymous)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    const [stored] = await db().select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    expect(stored!.usedAt).toBeNull();
    expect((await reloadUser(user.id)).passwordHash).toBe(passwordHash);

    // The same link still works with a good password.
    expect(await executeAction(resetPasswordAction, { token, password: NEW_PASSWORD }, anonymous)).toMatchObject({ ok: true });
  });

  it("refuses a used, an expired, an unknown or another purpose's token", async () => {
    const user = await createUser();
    const token = await requestReset(user.email);
    expect(await executeAction(resetPasswordAction, { token, password: NEW_PASSWORD }, anonymous)).toMatchObject({ ok: true });
    const { passwordHash } = await reloadUser(user.id);
    expect(await executeAction(resetPasswordAction, { token, password: "Another-Fresh-Pass-77" }, anonymous)).toMatchObject({
      ok: false,
      code: "link_invalid",
    });

    const expired = await requestReset(user.email);
    await db()
      .update(authTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authTokens.tokenHash, hashToken(expired)));
    expect(await executeAction(resetPasswordAction, { token: expired, password: "Another-Fresh-Pass-77" }, anonymous)).toMatchObject({
      ok: false,
      code: "link_invalid",
    });
    expect(
      await executeAction(resetPasswordAction, { token: "a".repeat(43), password: "Another-Fresh-Pass-77" }, anonymous),
    ).toMatchObject({ ok: false, code: "link_invalid" });
    expect((await reloadUser(user.id)).passwordHash).toBe(passwordHash);
    expect(await signInWith(user.email, NEW_PASSWORD)).toMatchObject({ ok: true });

    // A verification link is not a reset link.
    const unverified = await createUser({ verified: false });
    expect(await executeAction(resendVerificationAction, { email: unverified.email }, anonymous)).toMatchObject({ ok: true });
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, unverified.email));
    const verifyToken = mail!.text.match(/\/verify-email\?token=([A-Za-z0-9_-]+)/)![1]!;
    expect(
      await executeAction(resetPasswordAction, { token: verifyToken, password: "Another-Fresh-Pass-77" }, anonymous),
    ).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await signInWith(unverified.email, "Another-Fresh-Pass-77")).toEqual({ ok: false, code: "invalid_credentials" });
  });
});

describe("reset requests from anyone", () => {
  it("sends at most five reset emails an hour to one address, and refuses the sixth with nothing written", async () => {
    const user = await createUser();
    const request = { ...anonymous, ip: `198.51.100.${Math.floor(Math.random() * 250)}` };
    for (let i = 0; i < 5; i++) {
      expect(await executeAction(requestPasswordResetAction, { email: user.email }, request)).toMatchObject({ ok: true });
    }
    const sent = async () => (await db().select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.to, user.email)))[0]!.n;
    expect(await sent()).toBe(5);
    expect(await executeAction(requestPasswordResetAction, { email: user.email }, request)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await sent()).toBe(5);
  });
});
