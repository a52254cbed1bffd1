import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeUsccCheck, validateUscc } from "./uscc";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const codeChar = fc.constantFrom(...ALPHABET);
const first17 = fc.array(codeChar, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(""));
const validUscc = first17.map((body) => body + computeUsccCheck(body));

describe("validateUscc", () => {
  it.each([
    "91350100M000100Y43",
    "91110000600037341L",
    "914403001922038216",
    "91330100716105852F",
    "9144030071526726XG",
    "91110108551385082Q",
    "91310000MA1FL1MMXL",
    "12440600MB2C07549J",
  ])("accepts the published code %s", (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    [" 9135 0100 m000 100y43 ", "91350100M000100Y43"],
    ["91110000\t600037341L\n", "91110000600037341L"],
    ["９１１１００００６０００３７３４１Ｌ", "91110000600037341L"],
    ["91110000\u3000600037341l", "91110000600037341L"],
  ])("normalizes %j", (input, value) => {
    expect(validateUscc(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "uscc_length"],
    ["91350100M000100Y4", "uscc_length"],
    ["91350100M000100Y433", "uscc_length"],
    ["91350100M000100I43", "uscc_charset"],
    ["91350100O000100Y43", "uscc_charset"],
    ["9135010SM000100Y43", "uscc_charset"],
    ["91350100M000100V43", "uscc_charset"],
    ["91350100M000100Z43", "uscc_charset"],
    ["91350100M000100Y4-", "uscc_charset"],
    ["91350100M000100Y44", "uscc_check"],
    ["91110000600037341K", "uscc_check"],
    ["19350100M000100Y43", "uscc_check"],
  ])("refuses %j with %s", (input, error) => {
    expect(validateUscc(input)).toEqual({ ok: false, error });
  });

  it("property: 17 code characters with their computed check character are valid", () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(validateUscc(code)).toEqual({ ok: true, value: code });
      }),
      { numRuns: 500 },
    );
  });

  it("property: any single wrong character is caught by the check", () => {
    fc.assert(
      fc.property(validUscc, fc.nat({ max: 17 }), codeChar, (code, position, replacement) => {
        fc.pre(code[position] !== replacement);
        const typo = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(validateUscc(typo)).toEqual({ ok: false, error: "uscc_check" });
      }),
      { numRuns: 500 },
    );
  });

  it("property: swapping two different neighbouring characters is caught by the check", () => {
    fc.assert(
      fc.property(validUscc, fc.nat({ max: 16 }), (code, position) => {
        fc.pre(code[position] !== code[position + 1]);
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect(validateUscc(swapped)).toEqual({ ok: false, error: "uscc_check" });
      }),
      { numRuns: 500 },
    );
  });
});

describe("computeUsccCheck", () => {
  it("computes the check character of the published examples", () => {
    expect(computeUsccCheck("91350100M000100Y4")).toBe("3");
    expect(computeUsccCheck("91110000600037341")).toBe("L");
  });

  it("maps a weighted sum divisible by 31 to 0, not to an out-of-alphabet 31", () => {
    expect(computeUsccCheck("00000000000000000")).toBe("0");
  });

  it.each(["9135010", "91350100M000100Y43", "91350100M000100I4", "91350100m000100y4"])(
    "refuses %j, which is not 17 code characters",
    (input) => {
      expect(() => computeUsccCheck(input)).toThrow(RangeError);
    },
  );
});
