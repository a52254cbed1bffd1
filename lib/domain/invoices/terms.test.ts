import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate } from "./dates";
import { bpsToPercent, instalmentPlan, percentToBps, readStoredTerms, scheduleInstalments, termsProblem, type PaymentTerms } from "./terms";

const depositBalance: PaymentTerms = { kind: "deposit_balance", depositBps: 3000, depositDays: 0, balanceDays: 60, balanceAnchor: "bill_of_lading" };

describe("instalments", () => {
  it("splits 30 % deposit on order and 70 % balance 60 days after the B/L", () => {
    const before = scheduleInstalments(1_234_567n, depositBalance, { issueDate: "2026-03-10", billOfLadingDate: null });
    expect(before).toEqual([
      { position: 1, label: "deposit", shareBps: 3000, amountMinor: 370_370n, dueRule: { anchor: "issue", days: 0 }, dueDate: "2026-03-10" },
      { position: 2, label: "balance", shareBps: 7000, amountMinor: 864_197n, dueRule: { anchor: "bill_of_lading", days: 60 }, dueDate: null },
    ]);
    const after = scheduleInstalments(1_234_567n, depositBalance, { issueDate: "2026-03-10", billOfLadingDate: "2026-04-02" });
    expect(after[1]!.dueDate).toBe("2026-06-01");
  });

  it("gives one instalment for net terms", () => {
    expect(scheduleInstalments(999n, { kind: "single", days: 60, anchor: "issue" }, { issueDate: "2026-12-15", billOfLadingDate: null })).toEqual([
      { position: 1, label: "full", shareBps: 10_000, amountMinor: 999n, dueRule: { anchor: "issue", days: 60 }, dueDate: "2027-02-13" },
    ]);
  });

  const termsArbitrary: fc.Arbitrary<PaymentTerms> = fc.oneof(
    fc.record({ kind: fc.constant("single" as const), days: fc.integer({ min: 0, max: 365 }), anchor: fc.constantFrom("issue" as const, "bill_of_lading" as const) }),
    fc.record({
      kind: fc.constant("deposit_balance" as const),
      depositBps: fc.integer({ min: 1, max: 9999 }),
      depositDays: fc.integer({ min: 0, max: 365 }),
      balanceDays: fc.integer({ min: 0, max: 365 }),
      balanceAnchor: fc.constantFrom("issue" as const, "bill_of_lading" as const),
    }),
    fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 12 }).map((weights) => {
      // Shares that sum to exactly 10000: scale, then give the rounding gap to the last part.
      const sum = weights.reduce((a, b) => a + b, 0);
      const shares = weights.map((w) => Math.max(1, Math.floor((w * 10_000) / sum)));
      const excess = shares.reduce((a, b) => a + b, 0) - 10_000;
      shares[shares.length - 1]! -= excess;
      return { kind: "schedule" as const, parts: shares.map((shareBps) => ({ shareBps, days: 30, anchor: "issue" as const })) };
    }).filter((terms) => terms.parts.every((p) => p.shareBps > 0)),
  );

  it("never loses or invents a minor unit, whatever the total and the terms", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), termsArbitrary, (total, terms) => {
        expect(termsProblem(terms)).toBeNull();
        const instalments = scheduleInstalments(total, terms, { issueDate: "2026-01-31", billOfLadingDate: "2026-02-28" });
        expect(instalments.reduce((acc, i) => acc + i.amountMinor, 0n)).toBe(total);
        expect(instalments.every((i) => i.amountMinor >= 0n)).toBe(true);
        expect(instalments.map((i) => i.shareBps).reduce((a, b) => a + b, 0)).toBe(10_000);
        for (const i of instalments) {
          const exact = (total * BigInt(i.shareBps)) / 10_000n;
          expect(i.amountMinor - exact).toBeGreaterThanOrEqual(0n);
          expect(i.amountMinor - exact).toBeLessThanOrEqual(1n);
        }
      }),
    );
  });

  it("dates every instalment from its anchor, and leaves B/L-anchored ones open until the B/L date is known", () => {
    fc.assert(
      fc.property(termsArbitrary, fc.integer({ min: 0, max: 3000 }), fc.option(fc.integer({ min: 0, max: 200 })), (terms, issueOffset, blOffset) => {
        const issueDate = addDays("2025-01-01", issueOffset);
        const billOfLadingDate = blOffset === null ? null : addDays(issueDate, blOffset);
        for (const i of scheduleInstalments(100n, terms, { issueDate, billOfLadingDate })) {
          const anchor = i.dueRule.anchor === "issue" ? issueDate : billOfLadingDate;
          if (anchor === null) expect(i.dueDate).toBeNull();
          else expect(daysBetween(anchor, i.dueDate!)).toBe(i.dueRule.days);
        }
      }),
    );
  });

  it("refuses unusable terms", () => {
    expect(termsProblem({ ...depositBalance, depositBps: 0 })).toBe("share");
    expect(termsProblem({ ...depositBalance, depositBps: 10_000 })).toBe("share");
    expect(termsProblem({ kind: "single", days: 366, anchor: "issue" })).toBe("days");
    expect(termsProblem({ kind: "schedule", parts: [{ shareBps: 5000, days: 0, anchor: "issue" }] })).toBe("shares_sum");
    expect(termsProblem({ kind: "schedule", parts: [] })).toBe("parts");
    expect(readStoredTerms({ kind: "deposit_balance", depositBps: 3000 })).toBeNull();
    expect(readStoredTerms(depositBalance)).toEqual(depositBalance);
    expect(instalmentPlan(depositBalance).map((p) => p.label)).toEqual(["deposit", "balance"]);
  });
});

describe("percent and dates", () => {
  it("converts percentages to basis points and back", () => {
    expect(percentToBps("30")).toBe(3000);
    expect(percentToBps("33.33 %")).toBe(3333);
    expect(percentToBps("12.5")).toBe(1250);
    expect(percentToBps("12.345")).toBeNull();
    expect(percentToBps("x")).toBeNull();
    expect(bpsToPercent(3000)).toBe("30");
    expect(bpsToPercent(1250)).toBe("12.5");
    expect(bpsToPercent(3333)).toBe("33.33");
  });

  it("does calendar arithmetic on ISO dates", () => {
    expect(addDays("2026-01-31", 30)).toBe("2026-03-02");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-2-1")).toBe(false);
  });
});
