import { describe, expect, it } from "vitest";
import { redactForAudit } from "./redact";

describe("redactForAudit", () => {
  it("replaces secrets at any depth and keeps the rest", () => {
    expect(
      redactForAudit({
        email: "a@example.test",
        password: "hunter2hunter2",
        nested: { token: "t", owners: [{ name: "Li", code: "123456" }] },
        amountMinor: 12_500n,
      }),
    ).toEqual({
      email: "a@example.test",
      password: "[redacted]",
      nested: { token: "[redacted]", owners: [{ name: "Li", code: "[redacted]" }] },
      amountMinor: "12500",
    });
  });
  it("keeps fields that merely end in 'code', such as a country code", () => {
    expect(redactForAudit({ countryCode: "CN", uscc: "91350100M000100Y43" })).toEqual({ countryCode: "CN", uscc: "91350100M000100Y43" });
  });
});
