import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, sessions } from "@/db/schema";
import { anonymous, createUser, reloadUser, signedIn, TEST_PASSWORD } from "@/tests/fixtures/people";
import { loadSession } from "../auth/session";
import { signIn } from "../auth/sign-in";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { changePasswordAction, revokeSessionAction, signOutEverywhereAction } from "./sessions";

const NEW_PASSWORD = "Copper-Kettle-Morning-58";

let ipCounter = 0;
function freshIp(): string {
  ipCounter++;
  return `10.50.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

/** Whether the guard still lets this request through as a signed-in user (revoking a random id answers not_found). */
async function isSignedIn(request: RequestContext): Promise<boolean> {
  const result = await executeAction(revokeSessionAction, { sessionId: randomUUID() }, request);
  if (!result.ok && result.code === "not_found") return true;
  if (!result.ok && result.code === "unauthenticated") return false;
  throw new Error(`unexpected answer ${JSON.stringify(result)}`);
}

describe("sessions", () => {
  it("signs the user out everywhere, and nobody else", async () => {
    const user = await createUser();
    const other = await createUser();
    const mine = await Promise.all([signedIn(user), signedIn(user), signedIn(user)]);
    const theirs = await signedIn(other);

    const result = await executeAction(signOutEverywhereAction, {}, mine[0]!);
    expect(result).toEqual({ ok: true, data: { revoked: 3 } });
    for (const request of mine) {
      expect(await isSignedIn(request)).toBe(false);
      expect(await executeAction(signOutEverywhereAction, {}, request)).toMatchObject({ ok: false, code: "unauthenticated" });
      expect(await loadSession(db(), request.sessionId!)).toBeNull();
    }
    expect(await isSignedIn(theirs)).toBe(true);
    const [theirRow] = await db().select().from(sessions).where(eq(sessions.id, theirs.sessionId!));
    expect(theirRow!.revokedAt).toBeNull();

    const [audit] = await db().select().from(auditLog).where(eq(auditLog.target, `user:${user.id}`));
    expect(audit).toMatchObject({ action: "account.signOutEverywhere", actorUserId: user.id, summary: { sessions: 3 } });

    // A fresh sign-in afterwards works as usual.
    const again = await signIn({ email: user.email, password: TEST_PASSWORD, ip: freshIp(), userAgent: "vitest" });
    expect(again).toMatchObject({ ok: true });
    if (again.ok) expect(await isSignedIn({ ...mine[0]!, sessionId: again.sessionId })).toBe(true);
  });

  it("revokes one of the user's own sessions, but answers not_found for another user's", async () => {
    const user = await createUser();
    const other = await createUser();
    const current = await signedIn(user);
    const laptop = await signedIn(user);
    const theirs = await signedIn(other);

    expect(await executeAction(revokeSessionAction, { sessionId: theirs.sessionId }, current)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await isSignedIn(theirs)).toBe(true);

    expect(await executeAction(revokeSessionAction, { sessionId: laptop.sessionId }, current)).toEqual({
      ok: true,
      data: { revoked: 1 },
    });
    expect(await isSignedIn(laptop)).toBe(false);
    expect(await isSignedIn(current)).toBe(true);
    // Already revoked: nothing left to revoke.
    expect(await executeAction(revokeSessionAction, { sessionId: laptop.sessionId }, current)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await executeAction(revokeSessionAction, { sessionId: "laptop" }, current)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await executeAction(revokeSessionAction, { sessionId: laptop.sessionId }, anonymous)).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });

    const audit = await db().select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(audit.map((row) => [row.action, row.target])).toEqual([["account.revokeSession", `session:${laptop.sessionId}`]]);
  });

  it("changes the password only with the current one, refuses a weak one, and signs out the other sessions", async () => {
    const user = await createUser();
    const current = await signedIn(user);
    const phone = await signedIn(user);
    const { passwordHash } = await reloadUser(user.id);

    expect(
      await executeAction(changePasswordAction, { currentPassword: "Not-My-Password-9", newPassword: NEW_PASSWORD }, current),
    ).toMatchObject({ ok: false, code: "current_password_wrong" });
    expect(
      await executeAction(changePasswordAction, { currentPassword: TEST_PASSWORD, newPassword: "password1234" }, current),
    ).toMatchObject({ ok: false, code: "password_too_common" });
    expect(
      await executeAction(changePasswordAction, { currentPassword: TEST_PASSWORD, newPassword: "tiny-Pw-1" }, current),
    ).toMatchObject({ ok: false, code: "password_too_short" });
    expect(await executeAction(changePasswordAction, { currentPassword: "", newPassword: NEW_PASSWORD }, current)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(
      await executeAction(changePasswordAction, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, anonymous),
    ).toMatchObject({ ok: false, code: "unauthenticated" });
    expect((await reloadUser(user.id)).passwordHash).toBe(passwordHash);
    expect(await isSignedIn(phone)).toBe(true);
    expect(await db().select().from(auditLog).where(eq(auditLog.actorUserId, user.id))).toHaveLength(0);

    expect(
      await executeAction(changePasswordAction, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, current),
    ).toEqual({ ok: true, data: { done: true } });
    expect(await isSignedIn(current)).toBe(true);
    expect(await isSignedIn(phone)).toBe(false);

    expect(await signIn({ email: user.email, password: NEW_PASSWORD, ip: freshIp(), userAgent: "vitest" })).toMatchObject({ ok: true });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, ip: freshIp(), userAgent: "vitest" })).toEqual({
      ok: false,
      code: "invalid_credentials",
    });

    const audit = await db().select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(audit.map((row) => row.action)).toEqual(["account.changePassword"]);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain(TEST_PASSWORD);
  });
});
