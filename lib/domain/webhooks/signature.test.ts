import { describe, expect, it } from "vitest";
import { parseSignatureHeader, signatureHeader, signPayload, verifySignature } from "./signature";

const SECRET = "whsec_test_7f3a9c1e5b2d4f6a8c0e";
const BODY = '{"id":"evt_1","type":"payment_intent.succeeded"}';
const T = 1_767_225_600; // 2026-01-01T00:00:00Z
const at = (seconds: number) => new Date(seconds * 1000);

describe("webhook signatures", () => {
  it("signs `${t}.${body}` with HMAC-SHA256 (known vector)", () => {
    // printf '1767225600.{"id":"evt_1","type":"payment_intent.succeeded"}' | openssl dgst -sha256 -hmac whsec_test_7f3a9c1e5b2d4f6a8c0e
    expect(signPayload(SECRET, T, BODY)).toBe("40fb4141b88fc4cbe1b6d12d8fcae02cbb0f9c57317f6f2b6cbf9e2fcb1588c2");
    expect(signatureHeader(SECRET, T, BODY)).toBe(`t=${T},v1=${signPayload(SECRET, T, BODY)}`);
  });

  it("accepts a good signature within the tolerance", () => {
    const header = signatureHeader(SECRET, T, BODY);
    expect(verifySignature({ header, rawBody: BODY, secret: SECRET, now: at(T) })).toEqual({ ok: true, timestamp: T });
    expect(verifySignature({ header, rawBody: BODY, secret: SECRET, now: at(T + 300) })).toEqual({ ok: true, timestamp: T });
  });

  it("refuses a tampered body", () => {
    const header = signatureHeader(SECRET, T, BODY);
    const tampered = BODY.replace("succeeded", "succeeded ");
    expect(verifySignature({ header, rawBody: tampered, secret: SECRET, now: at(T) })).toEqual({ ok: false, reason: "bad_signature", timestamp: T });
  });

  it("refuses a signature made with another secret", () => {
    const header = signatureHeader("whsec_someone_else_entirely_000", T, BODY);
    expect(verifySignature({ header, rawBody: BODY, secret: SECRET, now: at(T) })).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("refuses a timestamp rewritten to look fresh (the signature covers it)", () => {
    const original = signatureHeader(SECRET, T, BODY);
    const rewritten = original.replace(`t=${T}`, `t=${T + 3600}`);
    expect(verifySignature({ header: rewritten, rawBody: BODY, secret: SECRET, now: at(T + 3600) })).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("refuses an old message and one dated too far in the future", () => {
    const header = signatureHeader(SECRET, T, BODY);
    expect(verifySignature({ header, rawBody: BODY, secret: SECRET, now: at(T + 301) })).toEqual({ ok: false, reason: "expired", timestamp: T });
    expect(verifySignature({ header, rawBody: BODY, secret: SECRET, now: at(T - 301) })).toEqual({ ok: false, reason: "expired", timestamp: T });
    expect(verifySignature({ header, rawBody: BODY, secret: SECRET, now: at(T + 30), toleranceSeconds: 10 })).toMatchObject({ reason: "expired" });
  });

  it("tells a missing header from a malformed one", () => {
    const good = signPayload(SECRET, T, BODY);
    expect(verifySignature({ header: null, rawBody: BODY, secret: SECRET, now: at(T) })).toMatchObject({ reason: "missing_signature" });
    expect(verifySignature({ header: "", rawBody: BODY, secret: SECRET, now: at(T) })).toMatchObject({ reason: "missing_signature" });
    for (const header of [
      "garbage",
      `v1=${good}`,
      `t=${T}`,
      `t=abc,v1=${good}`,
      `t=${T},v1=${good.slice(0, 63)}`,
      `t=${T},v1=${good.toUpperCase()}`,
      `t=${T},t=${T},v1=${good}`,
      `t=${T},,v1=${good}`,
    ]) {
      expect(verifySignature({ header, rawBody: BODY, secret: SECRET, now: at(T) }), header).toMatchObject({ ok: false, reason: "malformed" });
    }
  });

  it("accepts any one matching v1 among several (secret rotation) and ignores other schemes", () => {
    const header = `t=${T},v0=deadbeef,v1=${"0".repeat(64)},v1=${signPayload(SECRET, T, BODY)}`;
    expect(parseSignatureHeader(header)?.signatures).toHaveLength(2);
    expect(verifySignature({ header, rawBody: BODY, secret: SECRET, now: at(T) })).toMatchObject({ ok: true });
  });
});
