import { randomUUID } from "node:crypto";
import { authenticator } from "otplib";
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, ipThrottle, loginEvents, recoveryCodes, sessions, users } from "@/db/schema";
import { codeFor, createUser, reloadUser, TEST_PASSWORD, type TestUser } from "@/tests/fixtures/people";
import { open } from "../crypto/secret-box";
import { translator } from "../i18n/translator";
import { loadSession, SESSION_LIFETIME_MS } from "./session";
import { signIn } from "./sign-in";
import { ACCOUNT_LOCK_AFTER, IP_LOCK_AFTER, LOCK_DURATION_MS } from "./throttle";
import { newRecoveryCodes } from "./totp";

// The failure delay is real in production; here it is recorded instead of waited for.
const delays = vi.hoisted(() => [] as number[]);
vi.mock("node:timers/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:timers/promises")>();
  return {
    ...actual,
    setTimeout: async <T>(ms?: number, value?: T) => {
      delays.push(ms ?? 0);
      return value as T;
    },
  };
});

beforeEach(() => {
  delays.length = 0;
});

let ipCounter = 0;
/** An address no other test used, so the per-IP throttle of one test never touches another. */
function freshIp(): string {
  ipCounter++;
  return `10.20.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

function attempt(user: { email: string }, overrides: Partial<Parameters<typeof signIn>[0]> = {}) {
  return signIn({ email: user.email, password: TEST_PASSWORD, ip: freshIp(), userAgent: "vitest-browser", ...overrides });
}

function eventsOf(userId: string) {
  return db().select().from(loginEvents).where(eq(loginEvents.userId, userId)).orderBy(loginEvents.at);
}

function sessionsOf(userId: string) {
  return db().select().from(sessions).where(eq(sessions.userId, userId)).orderBy(sessions.createdAt);
}

/** A well-formed code that the authenticator would not show now, nor one step either side. */
function wrongCode(user: TestUser): string {
  const secret = open(user.totpSecret!);
  const valid = [-1, 0, 1].map((step) => authenticator.clone({ epoch: Date.now() + step * 30_000 }).generate(secret));
  for (let candidate = 123456; ; candidate++) {
    const code = String(candidate).padStart(6, "0");
    if (!valid.includes(code)) return code;
  }
}

describe("sign-in", () => {
  it("refuses a wrong password or an unknown email with invalid_credentials and records the failure", async () => {
    const user = await createUser();
    const ip = freshIp();
    expect(await attempt(user, { password: "Not-The-Password-1", ip })).toEqual({ ok: false, code: "invalid_credentials" });
    const events = await eventsOf(user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      email: user.email,
      success: false,
      reason: "bad_password",
      ip,
      userAgent: "vitest-browser",
      mfaUsed: false,
    });
    expect((await reloadUser(user.id)).failedLogins).toBe(1);
    expect(await sessionsOf(user.id)).toHaveLength(0);

    const unknown = `nobody-${randomUUID()}@example.test`;
    expect(await attempt({ email: unknown }, { ip })).toEqual({ ok: false, code: "invalid_credentials" });
    const [unknownEvent] = await db().select().from(loginEvents).where(eq(loginEvents.email, unknown));
    expect(unknownEvent).toMatchObject({ userId: null, success: false, reason: "unknown_email" });
    const [throttle] = await db().select().from(ipThrottle).where(eq(ipThrottle.ip, ip));
    expect(throttle!.failures).toBe(2);
  });

  it("refuses an unverified email, but only once the password is right", async () => {
    const user = await createUser({ verified: false });
    expect(await attempt(user, { password: "Not-The-Password-1" })).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await attempt(user)).toEqual({ ok: false, code: "email_not_verified" });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    const events = await eventsOf(user.id);
    expect(events.map((e) => e.reason)).toEqual(["bad_password", "email_not_verified"]);
  });

  it("locks the account for 15 minutes after five wrong passwords, slowing down after the second", async () => {
    const user = await createUser();
    const codes: string[] = [];
    for (let i = 0; i < ACCOUNT_LOCK_AFTER; i++) {
      const result = await attempt(user, { password: `Wrong-Password-${i}` });
      codes.push(result.ok ? "ok" : result.code);
    }
    expect(codes).toEqual(["invalid_credentials", "invalid_credentials", "invalid_credentials", "invalid_credentials", "account_locked"]);
    expect(delays).toEqual([0, 0, 500, 1000, 1500]);

    const locked = await reloadUser(user.id);
    expect(locked.failedLogins).toBe(5);
    const expected = Date.now() + LOCK_DURATION_MS;
    expect(Math.abs(locked.lockedUntil!.getTime() - expected)).toBeLessThan(60_000);

    // The right password does not help while locked, from any address.
    expect(await attempt(user)).toEqual({ ok: false, code: "account_locked" });
    expect(await attempt(user, { ip: freshIp() })).toEqual({ ok: false, code: "account_locked" });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    expect((await eventsOf(user.id)).at(-1)).toMatchObject({ success: false, reason: "account_locked" });

    // Once the lock has run out, the right password works and the counter starts again.
    await db().update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, user.id));
    expect(await attempt(user)).toMatchObject({ ok: true });
    expect(await reloadUser(user.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it("locks an address after 20 failures across different accounts, while other addresses still work", async () => {
    const ip = freshIp();
    const victims = await Promise.all(Array.from({ length: IP_LOCK_AFTER }, () => createUser()));
    for (const victim of victims) {
      expect(await attempt(victim, { ip, password: "Guessed-Password-1" })).toEqual({ ok: false, code: "invalid_credentials" });
    }
    // No single account was locked: each saw only one failure.
    for (const victim of victims) expect((await reloadUser(victim.id)).lockedUntil).toBeNull();

    const user = await createUser();
    expect(await attempt(user, { ip })).toEqual({ ok: false, code: "too_many_attempts" });
    expect(await attempt({ email: `nobody-${randomUUID()}@example.test` }, { ip })).toEqual({ ok: false, code: "too_many_attempts" });
    const [blocked] = await db()
      .select()
      .from(loginEvents)
      .where(and(eq(loginEvents.email, user.email), eq(loginEvents.ip, ip)));
    expect(blocked).toMatchObject({ success: false, reason: "ip_locked", userId: null });
    const [throttle] = await db().select().from(ipThrottle).where(eq(ipThrottle.ip, ip));
    expect(throttle!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + LOCK_DURATION_MS - 60_000);

    expect(await attempt(user, { ip: freshIp() })).toMatchObject({ ok: true });
    expect(await attempt(victims[0]!, { ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("asks a 2FA user for a code, refuses a wrong one, and marks the session when the code is right", async () => {
    const user = await createUser({ totp: true });
    expect(await attempt(user)).toEqual({ ok: false, code: "totp_required" });
    expect(await attempt(user, { code: "  " })).toEqual({ ok: false, code: "totp_required" });
    expect(await attempt(user, { password: "Wrong-Password-1", code: codeFor(user) })).toEqual({
      ok: false,
      code: "invalid_credentials",
    });
    expect(await attempt(user, { code: wrongCode(user) })).toEqual({ ok: false, code: "invalid_totp" });
    expect(await attempt(user, { code: "abcdef" })).toEqual({ ok: false, code: "invalid_totp" });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    expect((await eventsOf(user.id)).at(-1)).toMatchObject({ success: false, reason: "bad_second_factor" });

    const result = await attempt(user, { code: codeFor(user) });
    expect(result).toMatchObject({ ok: true });
    const [session] = await sessionsOf(user.id);
    expect(session!.id).toBe(result.ok && result.sessionId);
    expect(session!.mfaVerifiedAt).not.toBeNull();
    expect(Date.now() - session!.mfaVerifiedAt!.getTime()).toBeLessThan(60_000);
    expect((await eventsOf(user.id)).at(-1)).toMatchObject({ success: true, mfaUsed: true });
    expect((await reloadUser(user.id)).failedLogins).toBe(0);
  });

  it("counts wrong codes towards the lockout", async () => {
    const user = await createUser({ totp: true });
    const codes: string[] = [];
    for (let i = 0; i < ACCOUNT_LOCK_AFTER; i++) {
      const result = await attempt(user, { code: wrongCode(user) });
      codes.push(result.ok ? "ok" : result.code);
    }
    expect(codes).toEqual(["invalid_totp", "invalid_totp", "invalid_totp", "invalid_totp", "account_locked"]);
    expect(await attempt(user, { code: codeFor(user) })).toEqual({ ok: false, code: "account_locked" });
  });

  it("does not accept the same TOTP code twice", async () => {
    const user = await createUser({ totp: true });
    const code = codeFor(user);
    expect(await attempt(user, { code })).toMatchObject({ ok: true });
    expect(await attempt(user, { code })).toEqual({ ok: false, code: "invalid_totp" });
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it("accepts each recovery code once, with or without its dash and in any case", async () => {
    const user = await createUser({ totp: true });
    const { codes, hashes } = newRecoveryCodes();
    await db().insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId: user.id, codeHash })));

    expect(await attempt(user, { code: codes[0] })).toMatchObject({ ok: true });
    expect(await attempt(user, { code: codes[0] })).toEqual({ ok: false, code: "invalid_totp" });
    expect(await attempt(user, { code: codes[1]!.replace("-", "").toUpperCase() })).toMatchObject({ ok: true });
    const unused = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(unused.filter((row) => row.usedAt === null)).toHaveLength(codes.length - 2);
    const [session] = await sessionsOf(user.id);
    expect(session!.mfaVerifiedAt).not.toBeNull();

    // Another user's recovery code is no use.
    const other = await createUser({ totp: true });
    expect(await attempt(other, { code: codes[2] })).toEqual({ ok: false, code: "invalid_totp" });
  });

  it("creates a live session and records the sign-in", async () => {
    const user = await createUser();
    await attempt(user, { password: "Wrong-Password-1" });
    const ip = freshIp();
    const result = await attempt(user, { ip, email: `  ${user.email.toUpperCase()} ` });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;

    const [session] = await sessionsOf(user.id);
    expect(session).toMatchObject({ id: result.sessionId, ip, userAgent: "vitest-browser", revokedAt: null, mfaVerifiedAt: null });
    expect(Math.abs(session!.expiresAt.getTime() - (Date.now() + SESSION_LIFETIME_MS))).toBeLessThan(60_000);
    const live = await loadSession(db(), result.sessionId);
    expect(live?.user.id).toBe(user.id);

    const events = await eventsOf(user.id);
    expect(events.at(-1)).toMatchObject({ success: true, reason: null, ip, mfaUsed: false, newDevice: false });
    expect((await reloadUser(user.id)).failedLogins).toBe(0);
    // The first sign-in of an account is not a "new device".
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.to, user.email))).toHaveLength(0);
  });

  it("flags a sign-in from a browser the account never used and emails the user about it", async () => {
    const user = await createUser();
    expect(await attempt(user, { userAgent: "Firefox on the office PC" })).toMatchObject({ ok: true });
    expect(await attempt(user, { userAgent: "Firefox on the office PC" })).toMatchObject({ ok: true });
    // A failed attempt from a new browser does not make that browser known.
    expect(await attempt(user, { userAgent: "Safari on a phone", password: "Wrong-Password-1" })).toMatchObject({ ok: false });
    const ip = freshIp();
    expect(await attempt(user, { userAgent: "Safari on a phone", ip })).toMatchObject({ ok: true });
    expect(await attempt(user, { userAgent: "Safari on a phone" })).toMatchObject({ ok: true });

    const successes = (await eventsOf(user.id)).filter((e) => e.success);
    expect(successes.map((e) => e.newDevice)).toEqual([false, false, true, false]);

    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.to, user.email)).orderBy(desc(emailOutbox.createdAt));
    expect(mails).toHaveLength(1);
    const t = await translator("en");
    expect(mails[0]!.subject).toBe(t("email.newDevice.subject"));
    expect(mails[0]!.text).toContain("Safari on a phone");
    expect(mails[0]!.text).toContain(ip);
  });
});
