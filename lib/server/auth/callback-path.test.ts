import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackPath("/o/haiguang/balances?currency=USD")).toBe("/o/haiguang/balances?currency=USD");
    expect(safeCallbackPath("/invite/abc#x")).toBe("/invite/abc#x");
  });
  it("turns anything that could leave the site into /", () => {
    for (const value of [undefined, "", "https://evil.com", "//evil.com", "/\\evil.com", "/\t/evil.com", "/%0a/evil", "javascript:alert(1)", "evil.com"]) {
      const result = safeCallbackPath(value);
      expect(new URL(result, "https://quayside.invalid").origin, String(value)).toBe("https://quayside.invalid");
    }
    expect(safeCallbackPath("/\\evil.com")).toBe("/");
  });
});
