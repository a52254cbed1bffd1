import { describe, expect, it } from "vitest";
import { validateCnaps } from "./cnaps";

describe("validateCnaps", () => {
  it.each([
    ["102100099996", "102100099996"],
    [" 1021 0009 9996 ", "102100099996"],
    ["１０２１０００９９９９６", "102100099996"],
  ])("accepts %j as %s", (input, value) => {
    expect(validateCnaps(input)).toEqual({ ok: true, value });
  });

  it.each(["", "10210009999", "1021000999961", "10210009999A", "102-100-099-996"])("refuses %j", (input) => {
    expect(validateCnaps(input)).toEqual({ ok: false, error: "cnaps_format" });
  });
});
