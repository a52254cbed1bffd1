import { createRequire } from "node:module";
import { hash, verify } from "@node-rs/argon2";
import { passwordProblem, type PasswordProblem } from "@/lib/domain/auth/password-policy";

// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let commonPasswords: ReadonlySet<string> | null = null;

function loadCommonPasswords(): ReadonlySet<string> {
  if (!commonPasswords) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require("@zxcvbn-ts/language-common") as { dictionary: Record<string, string[]> };
    commonPasswords = new Set(dictionary["passwords-common"]!.map((p) => p.toLowerCase()));
  }
  return commonPasswords;
}

export function checkPassword(password: string): PasswordProblem | null {
  return passwordProblem(password, loadCommonPasswords());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so both paths take as long. */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-matches");
  return decoyHash;
}
