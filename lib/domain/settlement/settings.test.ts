import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SettlementSchedule } from "./schedule";
import { defaultPayoutCurrency, payoutCurrencyChoices, scheduleFields, scheduleFromFields } from "./settings";

describe("schedule fields", () => {
  it("store each kind in its own column and read back the same schedule", () => {
    const schedules = fc.oneof(
      fc.integer({ min: 0, max: 30 }).map((businessDays): SettlementSchedule => ({ kind: "rolling", businessDays })),
      fc.integer({ min: 1, max: 5 }).map((weekday): SettlementSchedule => ({ kind: "weekly", weekday })),
      fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant("month_end" as const)).map((day): SettlementSchedule => ({ kind: "monthly", day })),
      fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant("month_end" as const)).map((day): SettlementSchedule => ({ kind: "quarterly", day })),
      fc.constant<SettlementSchedule>({ kind: "on_demand" }),
    );
    fc.assert(
      fc.property(schedules, (schedule) => {
        expect(scheduleFromFields(scheduleFields(schedule))).toEqual(schedule);
      }),
    );
    expect(scheduleFields({ kind: "quarterly", day: "month_end" })).toEqual({ kind: "quarterly", businessDays: null, weekday: null, monthDay: null, monthEnd: true });
  });

  it("refuses columns missing what their kind needs", () => {
    expect(() => scheduleFromFields({ kind: "weekly", businessDays: 1, weekday: null, monthDay: null, monthEnd: false })).toThrow(RangeError);
  });
});

describe("payout currency", () => {
  it("is the currency itself when the settlement account takes it, else CNY", () => {
    expect(defaultPayoutCurrency("USD", ["CNY", "USD", "EUR"])).toBe("USD");
    expect(defaultPayoutCurrency("USD", ["CNY"])).toBe("CNY");
    expect(defaultPayoutCurrency("USD", [])).toBe("CNY");
    expect(payoutCurrencyChoices("USD", ["CNY", "USD"])).toEqual(["USD", "CNY"]);
    expect(payoutCurrencyChoices("USD", ["CNY"])).toEqual(["CNY"]);
    expect(payoutCurrencyChoices("CNY", ["CNY", "USD"])).toEqual(["CNY"]);
  });
});
