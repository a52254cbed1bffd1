import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holderMatchesCompany } from "./holder-name";

const ZH = "宁波海达进出口（集团）有限公司";
const EN = "Ningbo Haida Import & Export (Group) Co., Ltd.";

describe("holderMatchesCompany", () => {
  it.each([
    ["the Chinese name as registered", ZH],
    ["the Chinese name with half-width brackets", "宁波海达进出口(集团)有限公司"],
    ["the Chinese name with spaces", "宁波海达进出口 （集团） 有限公司"],
    ["the Chinese name with full-width spaces", "宁波\u3000海达进出口（集团）有限公司"],
    ["the English name as registered", EN],
    ["upper case", "NINGBO HAIDA IMPORT & EXPORT (GROUP) CO., LTD."],
    ["Company Limited", "Ningbo Haida Import & Export (Group) Company Limited"],
    ["Co Ltd", "Ningbo Haida Import & Export (Group) Co Ltd"],
    ["Co.,Ltd", "Ningbo Haida Import & Export (Group) Co.,Ltd"],
    ["Co., Limited", "Ningbo Haida Import & Export (Group) Co., Limited"],
    ["Company Ltd without the ampersand's spaces", "Ningbo Haida Import&Export (Group) Company Ltd"],
    ["full-width Latin letters", "ＮＩＮＧＢＯ ＨＡＩＤＡ ＩＭＰＯＲＴ ＆ ＥＸＰＯＲＴ （ＧＲＯＵＰ） ＣＯ．， ＬＴＤ．"],
    ["extra whitespace", "  Ningbo  Haida Import & Export\t(Group)  Co., Ltd.  "],
  ])("matches %s", (_, holder) => {
    expect(holderMatchesCompany(holder, ZH, EN)).toBe(true);
  });

  it.each([
    ["another company", "宁波海星进出口（集团）有限公司"],
    ["the name without its group marker", "宁波海达进出口有限公司"],
    ["another English name", "Ningbo Haixing Import & Export (Group) Co., Ltd."],
    ["the name without its city", "Haida Import & Export (Group) Co., Ltd."],
    ["a person", "张伟"],
    ["only the suffix", "Co., Ltd."],
    ["an empty name", ""],
    ["punctuation only", " （）., "],
  ])("does not match %s", (_, holder) => {
    expect(holderMatchesCompany(holder, ZH, EN)).toBe(false);
  });

  it("does not match an empty holder to a company without an English name", () => {
    expect(holderMatchesCompany("", ZH, "")).toBe(false);
    expect(holderMatchesCompany("()", ZH, "")).toBe(false);
  });

  it("property: a name with letters or Han characters matches itself as either legal name", () => {
    const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /[\p{L}\p{N}]/u.test(s));
    fc.assert(
      fc.property(name, (n) => {
        expect(holderMatchesCompany(n, n, "")).toBe(true);
        expect(holderMatchesCompany(n, "", n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
