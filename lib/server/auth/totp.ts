import { createHash, randomInt } from "node:crypto";
import { authenticator } from "otplib";
import { open, seal } from "../crypto/secret-box";

// RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps; one step of clock drift either way.
authenticator.options = { digits: 6, step: 30, window: 1 };

export const TOTP_ISSUER = "Quayside";
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): { secret: string; sealed: string } {
  const secret = authenticator.generateSecret(20);
  return { secret, sealed: seal(secret) };
}

export function totpUri(email: string, secret: string): string {
  return authenticator.keyuri(email, TOTP_ISSUER, secret);
}

/** The 30-second step a code belongs to, or null when it is wrong; callers refuse a step already used. */
export function verifyTotp(sealedSecret: string, code: string, now = Date.now()): number | null {
  const cleaned = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(cleaned)) return null;
  const secret = open(sealedSecret);
  const delta = authenticator.checkDelta(cleaned, secret);
  if (delta === null) return null;
  return Math.floor(now / 30_000) + delta;
}

export function currentTotp(sealedSecret: string): string {
  return authenticator.generate(open(sealedSecret));
}

/** Ten codes like `k3p9-x2mq`, shown once; only their hashes are kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase().replace(/[\s-]/g, "")).digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[0-9a-z]{4}-?[0-9a-z]{4}$/i.test(code.trim());
}
