import { describe, expect, it } from "vitest";
import { validateBic } from "./bic";

describe("validateBic", () => {
  it.each([
    ["BKCHCNBJ", "BKCHCNBJ"],
    ["ICBKCNBJ", "ICBKCNBJ"],
    ["DEUTDEFF500", "DEUTDEFF500"],
    ["deut de ff 500", "DEUTDEFF500"],
    ["BKCHCNBJ300", "BKCHCNBJ300"],
    ["HSBCHKHHHKH", "HSBCHKHHHKH"],
    ["DEUTDEF0", "DEUTDEF0"],
    ["ABCDXKPR", "ABCDXKPR"],
    ["ＢＫＣＨＣＮＢＪ", "BKCHCNBJ"],
  ])("accepts %j as %s", (input, value) => {
    expect(validateBic(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "bic_format"],
    ["BKCHCNB", "bic_format"],
    ["BKCHCNBJ3", "bic_format"],
    ["BKCHCNBJ30", "bic_format"],
    ["BKCHCNBJ3000", "bic_format"],
    ["BK1HCNBJ", "bic_format"],
    ["BKCHC1BJ", "bic_format"],
    ["BKCH-CN-BJ", "bic_format"],
    ["BKCHUKBJ", "bic_country"],
    ["BKCHEUBJ", "bic_country"],
    ["BKCHQQBJXXX", "bic_country"],
  ])("refuses %j with %s", (input, error) => {
    expect(validateBic(input)).toEqual({ ok: false, error });
  });
});
