import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { loginEvents, recoveryCodes, sessions, users } from "@/db/schema";
import { sendTemplate } from "../email/templates";
import { decoyPasswordHash, verifyPassword } from "./password";
import { SESSION_LIFETIME_MS } from "./session";
import { ACCOUNT_LOCK_AFTER, clearAccountFailures, failureDelayMs, ipLockedUntil, recordFailure } from "./throttle";
import { hashRecoveryCode, looksLikeRecoveryCode, verifyTotp } from "./totp";

export interface SignInAttempt {
  email: string;
  password: string;
  /** A TOTP code or a recovery code, when the account has 2FA. */
  code?: string;
  ip: string | null;
  userAgent: string | null;
}

export type SignInRefusal =
  | "invalid_credentials"
  | "account_locked"
  | "too_many_attempts"
  | "email_not_verified"
  | "totp_required"
  | "invalid_totp";

export type SignInResult = { ok: true; sessionId: string } | { ok: false; code: SignInRefusal };

export async function signIn(attempt: SignInAttempt): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  const outcome = await db().transaction((tx) => decide(tx, { ...attempt, email }));
  if (!outcome.ok && outcome.failures !== undefined) await sleep(failureDelayMs(outcome.failures));
  return outcome.ok ? { ok: true, sessionId: outcome.sessionId } : { ok: false, code: outcome.code };
}

type Decision = { ok: true; sessionId: string } | { ok: false; code: SignInRefusal; failures?: number };

async function decide(tx: Transaction, attempt: SignInAttempt): Promise<Decision> {
  const { email, ip, userAgent } = attempt;
  const record = (userId: string | null, success: boolean, reason: string | null, mfaUsed = false, newDevice = false) =>
    tx.insert(loginEvents).values({ userId, email, ip, userAgent, success, reason, mfaUsed, newDevice });

  if (await ipLockedUntil(tx, ip)) {
    await record(null, false, "ip_locked");
    return { ok: false, code: "too_many_attempts" };
  }
  const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).for("update");
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), attempt.password);
    await recordFailure(tx, null, ip);
    await record(null, false, "unknown_email");
    return { ok: false, code: "invalid_credentials", failures: 0 };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await record(user.id, false, "account_locked");
    return { ok: false, code: "account_locked" };
  }
  // A lock that ran out starts the count afresh, rather than locking again at the next mistake.
  if (user.lockedUntil) await clearAccountFailures(tx, user.id);
  if (!(await verifyPassword(user.passwordHash, attempt.password))) {
    const failures = await recordFailure(tx, user.id, ip);
    await record(user.id, false, "bad_password");
    return { ok: false, code: failures >= ACCOUNT_LOCK_AFTER ? "account_locked" : "invalid_credentials", failures };
  }
  if (!user.emailVerifiedAt) {
    await record(user.id, false, "email_not_verified");
    return { ok: false, code: "email_not_verified" };
  }
  let mfaUsed = false;
  if (user.totpEnabledAt && user.totpSecret) {
    if (!attempt.code?.trim()) return { ok: false, code: "totp_required" };
    if (!(await checkSecondFactor(tx, user, attempt.code))) {
      const failures = await recordFailure(tx, user.id, ip);
      await record(user.id, false, "bad_second_factor");
      return { ok: false, code: failures >= ACCOUNT_LOCK_AFTER ? "account_locked" : "invalid_totp", failures };
    }
    mfaUsed = true;
  }
  await clearAccountFailures(tx, user.id);
  const newDevice = await isNewDevice(tx, user.id, userAgent);
  const [session] = await tx
    .insert(sessions)
    .values({
      userId: user.id,
      ip,
      userAgent,
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
      mfaVerifiedAt: mfaUsed ? new Date() : null,
    })
    .returning({ id: sessions.id });
  await record(user.id, true, null, mfaUsed, newDevice);
  if (newDevice) {
    await sendTemplate(tx, user.email, user.locale, "newDevice", {
      name: user.name,
      ip: ip ?? "?",
      device: userAgent ?? "?",
      time: new Date().toISOString(),
    });
  }
  return { ok: true, sessionId: session!.id };
}

/** A TOTP code not used before, or an unused recovery code (which is then spent). */
export async function checkSecondFactor(
  tx: Transaction,
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = verifyTotp(user.totpSecret, code);
  if (step !== null) {
    if (user.totpLastStep !== null && step <= user.totpLastStep) return false;
    // Conditional, so that of two requests racing with one code (both read the old step) only one claims it.
    const claimed = await tx
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return claimed.length === 1;
  }
  if (!looksLikeRecoveryCode(code)) return false;
  const spent = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return spent.length === 1;
}

/** A device is new when this browser never signed in to the account before (and the account has signed in before). */
async function isNewDevice(tx: Transaction, userId: string, userAgent: string | null): Promise<boolean> {
  const [seen] = await tx
    .select({
      any: sql<boolean>`bool_or(true)`,
      same: sql<boolean>`bool_or(${loginEvents.userAgent} is not distinct from ${userAgent})`,
    })
    .from(loginEvents)
    .where(and(eq(loginEvents.userId, userId), eq(loginEvents.success, true)));
  return Boolean(seen?.any) && !seen?.same;
}
