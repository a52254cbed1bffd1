import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

const common = new Set(["password1234", "qwertyuiop123"]);

describe("passwordProblem", () => {
  it("accepts a long uncommon password", () => {
    expect(passwordProblem("harbour-crane-47-lantern", common)).toBeNull();
  });
  it("refuses passwords shorter than 12 characters", () => {
    expect(passwordProblem("short-pass1", common)).toBe("too_short");
  });
  it("refuses common passwords whatever their case", () => {
    expect(passwordProblem("PassWord1234", common)).toBe("too_common");
  });
  it("refuses one unit repeated", () => {
    expect(passwordProblem("abcabcabcabc", common)).toBe("too_common");
    expect(passwordProblem("zzzzzzzzzzzzzz", common)).toBe("too_common");
  });
  it("refuses absurdly long input", () => {
    expect(passwordProblem("x".repeat(100) + "y".repeat(200), common)).toBe("too_long");
  });
});
