import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed webhooks, in the shape card processors use: the header `Quayside-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 = HMAC-SHA256(secret, `${t}.${rawBody}`). Signing the timestamp with the body lets the receiver refuse
 * old messages (replays beyond the tolerance) without trusting an unsigned clock value.
 */
export const SIGNATURE_HEADER = "Quayside-Signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type SignatureRefusal = "missing_signature" | "malformed" | "bad_signature" | "expired";

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: SignatureRefusal; timestamp: number | null };

export function signPayload(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${signPayload(secret, timestamp, rawBody)}`;
}

export interface ParsedSignature {
  timestamp: number;
  /** Every v1 signature in the header (a processor sends several while it rotates secrets). */
  signatures: string[];
}

/** `t=…,v1=…[,v1=…]`; null when the header is not in that shape. Unknown schemes (v0=…) are ignored. */
export function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    if (separator <= 0) return null;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === "t") {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/.test(value)) return null;
      signatures.push(value);
    }
  }
  if (timestamp === null || signatures.length === 0) return null;
  return { timestamp, signatures };
}

export interface VerifyInput {
  header: string | null | undefined;
  rawBody: string;
  secret: string;
  /** The receiver's clock. */
  now: Date;
  toleranceSeconds?: number;
}

/**
 * Checks a delivery: the header parses, one v1 signature matches (compared in constant time), and the signed
 * timestamp is within the tolerance of `now` in either direction (a sender's clock far ahead is as suspect as an old message).
 */
export function verifySignature({ header, rawBody, secret, now, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS }: VerifyInput): SignatureCheck {
  if (!header) return { ok: false, reason: "missing_signature", timestamp: null };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: "malformed", timestamp: null };
  const expected = Buffer.from(signPayload(secret, parsed.timestamp, rawBody), "hex");
  const matches = parsed.signatures.some((signature) => timingSafeEqual(Buffer.from(signature, "hex"), expected));
  if (!matches) return { ok: false, reason: "bad_signature", timestamp: parsed.timestamp };
  const skewSeconds = Math.abs(Math.floor(now.getTime() / 1000) - parsed.timestamp);
  if (skewSeconds > toleranceSeconds) return { ok: false, reason: "expired", timestamp: parsed.timestamp };
  return { ok: true, timestamp: parsed.timestamp };
}
