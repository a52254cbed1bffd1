import { describe, expect, it } from "vitest";
import { browserLocale } from "./locale";

describe("the pay page's language from the browser", () => {
  it("is Chinese only when Chinese ranks above English", () => {
    expect(browserLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(browserLocale("zh-TW")).toBe("zh-CN");
    expect(browserLocale("de-DE,de;q=0.9,zh;q=0.8,en;q=0.7")).toBe("zh-CN");
    expect(browserLocale("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(browserLocale("en;q=0.5,zh;q=0.6")).toBe("zh-CN");
    expect(browserLocale("zh;q=0,en")).toBe("en");
    expect(browserLocale("de-DE")).toBe("en");
    expect(browserLocale(null)).toBe("en");
    expect(browserLocale("")).toBe("en");
  });
});
