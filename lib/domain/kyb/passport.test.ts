import { describe, expect, it } from "vitest";
import { validatePassportNumber } from "./passport";

describe("validatePassportNumber", () => {
  it.each([
    ["E12345678", "E12345678"],
    ["e1234 5678", "E12345678"],
    ["AB123", "AB123"],
    ["12345678901234567890", "12345678901234567890"],
    ["Ｅ１２３４５６７８", "E12345678"],
  ])("accepts %j as %s", (input, value) => {
    expect(validatePassportNumber(input)).toEqual({ ok: true, value });
  });

  it.each(["", "AB12", "123456789012345678901", "E1234-5678", "E1234567ß", "Е12345678" /* Cyrillic Е */])(
    "refuses %j",
    (input) => {
      expect(validatePassportNumber(input)).toEqual({ ok: false, error: "passport_format" });
    },
  );
});
