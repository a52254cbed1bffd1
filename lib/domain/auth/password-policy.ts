export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = "too_short" | "too_long" | "too_common";

/** Refuses short passwords and those found in a list of common passwords (compared case-insensitively). */
export function passwordProblem(password: string, commonPasswords: ReadonlySet<string>): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too_long";
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || isRepetition(lowered)) return "too_common";
  return null;
}

/** `aaaaaaaaaaaa`, `abcabcabcabc`, `passwordpassword`: one short unit repeated. */
function isRepetition(password: string): boolean {
  for (let unit = 1; unit <= password.length / 2; unit++) {
    if (password.length % unit !== 0) continue;
    if (password.slice(0, unit).repeat(password.length / unit) === password) return true;
  }
  return false;
}
