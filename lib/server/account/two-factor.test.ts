import { eq } from "drizzle-orm";
import { authenticator } from "otplib";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, loginEvents, recoveryCodes, sessions } from "@/db/schema";
import { anonymous, codeFor, createTeam, createUser, reloadUser, signedIn, TEST_PASSWORD } from "@/tests/fixtures/people";
import { signIn } from "../auth/sign-in";
import { open } from "../crypto/secret-box";
import { executeAction } from "../guard/execute-action";
import type { AnyActionDefinition } from "../guard/define-action";
import type { RequestContext } from "../guard/request-context";
import { changeMemberRoleAction } from "../organizations/members";
import { signOutEverywhereAction } from "./sessions";
import {
  confirmTotpEnrollmentAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
  startTotpEnrollmentAction,
  stepUpAction,
} from "./two-factor";

/** The code an authenticator app shows `steps` 30-second steps from now (the server accepts one step either way). */
function codeAt(secret: string, steps: number): string {
  return authenticator.clone({ epoch: Date.now() + steps * 30_000 }).generate(secret);
}

function wrongCode(secret: string): string {
  const valid = [-1, 0, 1].map((step) => codeAt(secret, step));
  for (let candidate = 654321; ; candidate++) {
    const code = String(candidate).padStart(6, "0");
    if (!valid.includes(code)) return code;
  }
}

async function sessionRow(request: RequestContext) {
  const [row] = await db().select().from(sessions).where(eq(sessions.id, request.sessionId!));
  return row!;
}

/** A user who turned 2FA on through the actions, with the plain secret and recovery codes they were shown. */
async function enrolledUser() {
  const user = await createUser();
  const request = await signedIn(user);
  const started = await executeAction(startTotpEnrollmentAction, {}, request);
  if (!started.ok) throw new Error(started.code);
  const confirmCode = authenticator.generate(started.data.secret);
  const confirmed = await executeAction(confirmTotpEnrollmentAction, { code: confirmCode }, request);
  if (!confirmed.ok) throw new Error(confirmed.code);
  return { user, request, secret: started.data.secret, confirmCode, recoveryCodes: confirmed.data.recoveryCodes };
}

describe("two-factor authentication", () => {
  it("enrols: a sealed secret, an otpauth URI and a QR code, then a code confirms it and yields 10 recovery codes", async () => {
    const user = await createUser();
    const request = await signedIn(user);
    const started = await executeAction(startTotpEnrollmentAction, {}, request);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const { secret, uri, qrDataUrl } = started.data;

    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe("otpauth:");
    expect(parsed.host).toBe("totp");
    expect(decodeURIComponent(parsed.pathname)).toContain(user.email);
    expect(parsed.searchParams.get("secret")).toBe(secret);
    expect(parsed.searchParams.get("issuer")).toBe("Quayside");
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(qrDataUrl.slice("data:image/png;base64,".length), "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const pending = await reloadUser(user.id);
    expect(pending.totpEnabledAt).toBeNull();
    expect(pending.totpSecret).not.toContain(secret);
    expect(open(pending.totpSecret!)).toBe(secret);
    // Not on yet: sign-in asks for no code, and step-up says to enrol first.
    expect(await executeAction(stepUpAction, { code: authenticator.generate(secret) }, request)).toMatchObject({
      ok: false,
      code: "mfa_enrollment_required",
    });

    expect(await executeAction(confirmTotpEnrollmentAction, { code: wrongCode(secret) }, request)).toMatchObject({
      ok: false,
      code: "invalid_totp",
    });
    expect((await reloadUser(user.id)).totpEnabledAt).toBeNull();
    expect((await sessionRow(request)).mfaVerifiedAt).toBeNull();

    const confirmed = await executeAction(confirmTotpEnrollmentAction, { code: authenticator.generate(secret) }, request);
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    const codes = confirmed.data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}$/);

    expect((await reloadUser(user.id)).totpEnabledAt).not.toBeNull();
    const stored = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    expect(stored.some((row) => codes.some((code) => row.codeHash.includes(code.replace("-", ""))))).toBe(false);
    const session = await sessionRow(request);
    expect(Date.now() - session.mfaVerifiedAt!.getTime()).toBeLessThan(60_000);

    const audit = await db().select().from(auditLog).where(eq(auditLog.actorUserId, user.id)).orderBy(auditLog.id);
    expect(audit.map((row) => row.action)).toEqual(["account.startTotpEnrollment", "account.confirmTotpEnrollment"]);
    expect(JSON.stringify(audit.map((row) => row.summary))).not.toMatch(/\d{6}/);

    expect(await executeAction(startTotpEnrollmentAction, {}, request)).toMatchObject({ ok: false, code: "totp_already_enabled" });
    expect(await executeAction(confirmTotpEnrollmentAction, { code: codeAt(secret, 1) }, request)).toMatchObject({
      ok: false,
      code: "totp_already_enabled",
    });
    // Sign-in now needs the second factor.
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, ip: "10.40.0.1", userAgent: "vitest" })).toEqual({
      ok: false,
      code: "totp_required",
    });
  });

  it("refuses to confirm before enrolment started, and refuses malformed codes", async () => {
    const user = await createUser();
    const request = await signedIn(user);
    expect(await executeAction(confirmTotpEnrollmentAction, { code: "123456" }, request)).toMatchObject({
      ok: false,
      code: "totp_not_started",
    });
    expect(await executeAction(confirmTotpEnrollmentAction, { code: "12" }, request)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { code: [expect.any(String)] },
    });
  });

  it("turns 2FA off only with a valid code not used before", async () => {
    const { user, request, secret, confirmCode } = await enrolledUser();
    const other = await signedIn(user, { secondFactorAgoMs: 0 });

    expect(await executeAction(disableTotpAction, { code: wrongCode(secret) }, request)).toMatchObject({ ok: false, code: "invalid_totp" });
    // The code that confirmed enrolment is spent.
    expect(await executeAction(disableTotpAction, { code: confirmCode }, request)).toMatchObject({
      ok: false,
      code: "invalid_totp",
    });
    expect((await reloadUser(user.id)).totpEnabledAt).not.toBeNull();

    expect(await executeAction(disableTotpAction, { code: codeAt(secret, 1) }, request)).toEqual({ ok: true, data: { disabled: true } });
    expect(await reloadUser(user.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect((await sessionRow(request)).mfaVerifiedAt).toBeNull();
    expect((await sessionRow(other)).mfaVerifiedAt).toBeNull();

    expect(await executeAction(disableTotpAction, { code: codeAt(secret, 1) }, request)).toMatchObject({
      ok: false,
      code: "totp_not_enabled",
    });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, ip: "10.40.0.2", userAgent: "vitest" })).toMatchObject({ ok: true });
  });

  it("step-up refreshes the session's second factor, which unlocks a guarded action", async () => {
    const team = await createTeam();
    const request = await signedIn(team.owner, { secondFactorAgoMs: 20 * 60_000 });
    const change = { org: team.organization.slug, membershipId: team.viewerMembership.id, role: "finance" };
    expect(await executeAction(changeMemberRoleAction, change, request)).toMatchObject({ ok: false, code: "step_up_required" });

    const secret = open(team.owner.totpSecret!);
    expect(await executeAction(stepUpAction, { code: wrongCode(secret) }, request)).toMatchObject({ ok: false, code: "invalid_totp" });
    const before = (await sessionRow(request)).mfaVerifiedAt!;
    const stepped = await executeAction(stepUpAction, { code: codeFor(team.owner) }, request);
    expect(stepped).toMatchObject({ ok: true, data: { verifiedAt: expect.any(String) } });
    const after = (await sessionRow(request)).mfaVerifiedAt!;
    expect(after.getTime()).toBeGreaterThan(before.getTime() + 19 * 60_000);
    expect(Date.now() - after.getTime()).toBeLessThan(60_000);

    expect(await executeAction(changeMemberRoleAction, change, request)).toEqual({ ok: true, data: { role: "finance" } });

    const [audit] = await db().select().from(auditLog).where(eq(auditLog.target, `session:${request.sessionId}`));
    expect(audit).toMatchObject({ action: "account.stepUp", actorUserId: team.owner.id, organizationId: null });
    expect(JSON.stringify(audit!.summary)).not.toMatch(/\d{6}/);

    const plain = await createUser();
    expect(await executeAction(stepUpAction, { code: "123456" }, await signedIn(plain))).toMatchObject({
      ok: false,
      code: "mfa_enrollment_required",
    });
  });

  it("accepts a code only once even when several requests race with it", async () => {
    const user = await createUser({ totp: true });
    const requests = await Promise.all(Array.from({ length: 6 }, () => signedIn(user)));
    const code = codeFor(user);
    const results = await Promise.all(requests.map((request) => executeAction(stepUpAction, { code }, request)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(5).fill(expect.objectContaining({ ok: false, code: "invalid_totp" })));
    const rows = await Promise.all(requests.map(sessionRow));
    expect(rows.filter((s) => s.mfaVerifiedAt !== null)).toHaveLength(1);
  });

  it("regenerating recovery codes needs a code and invalidates the old ones", async () => {
    const { user, request, secret, recoveryCodes: oldCodes } = await enrolledUser();

    expect(await executeAction(regenerateRecoveryCodesAction, { code: wrongCode(secret) }, request)).toMatchObject({
      ok: false,
      code: "invalid_totp",
    });
    const regenerated = await executeAction(regenerateRecoveryCodesAction, { code: codeAt(secret, 1) }, request);
    expect(regenerated.ok).toBe(true);
    if (!regenerated.ok) return;
    const newCodes = regenerated.data.recoveryCodes;
    expect(newCodes).toHaveLength(10);
    expect(newCodes.filter((code) => oldCodes.includes(code))).toEqual([]);

    expect(await executeAction(stepUpAction, { code: oldCodes[0] }, request)).toMatchObject({ ok: false, code: "invalid_totp" });
    expect(await executeAction(stepUpAction, { code: newCodes[0] }, request)).toMatchObject({ ok: true });
    expect(await executeAction(stepUpAction, { code: newCodes[0] }, request)).toMatchObject({ ok: false, code: "invalid_totp" });
    const rows = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(rows).toHaveLength(10);
    expect(rows.filter((row) => row.usedAt === null)).toHaveLength(9);

    const plain = await createUser();
    expect(await executeAction(regenerateRecoveryCodesAction, { code: "123456" }, await signedIn(plain))).toMatchObject({
      ok: false,
      code: "totp_not_enabled",
    });
  });

  it("refuses every 2FA action to the signed-out and to revoked sessions", async () => {
    const user = await createUser({ totp: true });
    const revoked = await signedIn(user);
    expect(await executeAction(signOutEverywhereAction, {}, revoked)).toMatchObject({ ok: true });
    const calls: Array<[AnyActionDefinition, unknown]> = [
      [startTotpEnrollmentAction, {}],
      [confirmTotpEnrollmentAction, { code: "123456" }],
      [disableTotpAction, { code: "123456" }],
      [regenerateRecoveryCodesAction, { code: "123456" }],
      [stepUpAction, { code: "123456" }],
    ];
    for (const [action, input] of calls) {
      for (const request of [anonymous, revoked, { ...anonymous, sessionId: "not-a-session-id" }]) {
        expect(await executeAction(action, input, request), action.name).toMatchObject({ ok: false, code: "unauthenticated" });
      }
    }
    expect((await reloadUser(user.id)).totpEnabledAt).not.toBeNull();
  });
});

describe("guessing codes inside a session", () => {
  it("counts wrong step-up codes like failed sign-ins and locks the account after five", async () => {
    const user = await createUser({ totp: true });
    const request = await signedIn(user);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await executeAction(stepUpAction, { code: "000000" }, request)).toMatchObject({ ok: false, code: "invalid_totp" });
    }
    expect(await executeAction(stepUpAction, { code: "000000" }, request)).toMatchObject({ ok: false, code: "account_locked" });
    // Locked: even the right code is refused now.
    expect(await executeAction(stepUpAction, { code: codeFor(user) }, request)).toMatchObject({ ok: false, code: "account_locked" });
    const events = await db().select().from(loginEvents).where(eq(loginEvents.userId, user.id));
    expect(events.filter((event) => event.reason === "bad_second_factor")).toHaveLength(5);
  });
});
