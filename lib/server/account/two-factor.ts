import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { z } from "zod";
import { recoveryCodes, sessions, users } from "@/db/schema";
import { codeField } from "../auth/schemas";
import { assertNotLocked, refuseAfterFailure } from "../auth/signed-in-failure";
import { checkSecondFactor } from "../auth/sign-in";
import { newRecoveryCodes, newTotpSecret, totpUri } from "../auth/totp";
import { ActionError } from "../guard/action-error";
import { defineAction, type SignedInContext } from "../guard/define-action";

/** Starts enrolment: a new secret, kept sealed and inactive until a code from the app confirms it. */
export const startTotpEnrollmentAction = defineAction({
  name: "account.startTotpEnrollment",
  access: { kind: "user" },
  input: z.object({}),
  async handler(ctx) {
    if (ctx.auth.user.totpEnabledAt) throw new ActionError("totp_already_enabled");
    const { secret, sealed } = newTotpSecret();
    await ctx.tx.update(users).set({ totpSecret: sealed, totpLastStep: null }).where(eq(users.id, ctx.auth.user.id));
    const uri = totpUri(ctx.auth.user.email, secret);
    ctx.audit(`user:${ctx.auth.user.id}`, {});
    return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
  },
});

export const confirmTotpEnrollmentAction = defineAction({
  name: "account.confirmTotpEnrollment",
  access: { kind: "user" },
  input: z.object({ code: codeField }),
  async handler(ctx, input) {
    const user = ctx.auth.user;
    if (user.totpEnabledAt) throw new ActionError("totp_already_enabled");
    if (!user.totpSecret) throw new ActionError("totp_not_started");
    await requireCode(ctx, input.code);
    await ctx.tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(ctx);
    await markSecondFactorChecked(ctx);
    ctx.audit(`user:${user.id}`, {});
    return { recoveryCodes: codes };
  },
});

/** Turning 2FA off needs a fresh code; owners and staff lose what 2FA guards until they enrol again. */
export const disableTotpAction = defineAction({
  name: "account.disableTotp",
  access: { kind: "user" },
  input: z.object({ code: codeField }),
  async handler(ctx, input) {
    if (!ctx.auth.user.totpEnabledAt) throw new ActionError("totp_not_enabled");
    await requireCode(ctx, input.code);
    await ctx.tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, ctx.auth.user.id));
    await ctx.tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.auth.user.id));
    await ctx.tx.update(sessions).set({ mfaVerifiedAt: null }).where(eq(sessions.userId, ctx.auth.user.id));
    ctx.audit(`user:${ctx.auth.user.id}`, {});
    return { disabled: true };
  },
});

export const regenerateRecoveryCodesAction = defineAction({
  name: "account.regenerateRecoveryCodes",
  access: { kind: "user" },
  input: z.object({ code: codeField }),
  async handler(ctx, input) {
    if (!ctx.auth.user.totpEnabledAt) throw new ActionError("totp_not_enabled");
    await requireCode(ctx, input.code);
    const codes = await replaceRecoveryCodes(ctx);
    ctx.audit(`user:${ctx.auth.user.id}`, {});
    return { recoveryCodes: codes };
  },
});

/** Step-up: a fresh code makes the session fit for money movements and decisions for 15 minutes. */
export const stepUpAction = defineAction({
  name: "account.stepUp",
  access: { kind: "user" },
  input: z.object({ code: codeField }),
  async handler(ctx, input) {
    if (!ctx.auth.user.totpEnabledAt) throw new ActionError("mfa_enrollment_required");
    await requireCode(ctx, input.code);
    await markSecondFactorChecked(ctx);
    ctx.audit(`session:${ctx.auth.session.id}`, {});
    return { verifiedAt: new Date().toISOString() };
  },
});

async function requireCode(ctx: SignedInContext, code: string): Promise<void> {
  assertNotLocked(ctx);
  if (!(await checkSecondFactor(ctx.tx, ctx.auth.user, code))) refuseAfterFailure(ctx, "bad_second_factor", "invalid_totp");
}

async function markSecondFactorChecked(ctx: SignedInContext): Promise<void> {
  await ctx.tx.update(sessions).set({ mfaVerifiedAt: new Date() }).where(eq(sessions.id, ctx.auth.session.id));
}

async function replaceRecoveryCodes(ctx: SignedInContext): Promise<string[]> {
  const { codes, hashes } = newRecoveryCodes();
  await ctx.tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.auth.user.id));
  await ctx.tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId: ctx.auth.user.id, codeHash })));
  return codes;
}
