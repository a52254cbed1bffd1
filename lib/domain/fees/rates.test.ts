import { describe, expect, it } from "vitest";
import { bpsToRate, rateAsPercent, scaledDecimal, surchargeRate } from "./rates";

describe("rates", () => {
  it("writes exact fractions", () => {
    expect(bpsToRate(60)).toBe("0.006");
    expect(bpsToRate(100)).toBe("0.01");
    expect(bpsToRate(0)).toBe("0");
    expect(bpsToRate(10_000)).toBe("1");
    expect(surchargeRate(60, 30)).toBe("0.0018");
    expect(surchargeRate(45, 33)).toBe("0.001485");
    expect(scaledDecimal(-1_250n, 2)).toBe("-12.5");
  });

  it("shows a fraction as a percentage", () => {
    expect(rateAsPercent("0.006")).toBe("0.6");
    expect(rateAsPercent("0.001485")).toBe("0.1485");
    expect(rateAsPercent("0.01")).toBe("1");
    expect(rateAsPercent("1")).toBe("100");
    expect(() => rateAsPercent("1e-3")).toThrow(SyntaxError);
  });
});
