import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateEntry } from "../ledger";
import { DISPUTE_CATEGORIES, reservesMoney } from "./categories";
import { fillShortfalls, movementLines, outcomePlan, reserveMovements, reservePlan, type OutcomeInput } from "./money-plan";

const ORG = "6f1f7c1e-3f57-4f3e-9a55-0c8a4b1f2d10";

describe("reservePlan", () => {
  it("reserves the whole disputed amount when available covers it", () => {
    expect(reservePlan({ disputedMinor: 50_000n, availableMinor: 80_000n })).toEqual({ reserveNowMinor: 50_000n, shortfallMinor: 0n });
  });

  it("reserves what is available and tracks the rest as a shortfall", () => {
    expect(reservePlan({ disputedMinor: 50_000n, availableMinor: 12_345n })).toEqual({ reserveNowMinor: 12_345n, shortfallMinor: 37_655n });
    expect(reservePlan({ disputedMinor: 50_000n, availableMinor: 0n })).toEqual({ reserveNowMinor: 0n, shortfallMinor: 50_000n });
  });

  it("refuses negative amounts", () => {
    expect(() => reservePlan({ disputedMinor: -1n, availableMinor: 0n })).toThrow(RangeError);
  });
});

describe("fillShortfalls", () => {
  it("fills the oldest case first and leaves the rest available", () => {
    const shortfalls = [
      { caseId: "a", shortfallMinor: 300n },
      { caseId: "b", shortfallMinor: 0n },
      { caseId: "c", shortfallMinor: 500n },
      { caseId: "d", shortfallMinor: 100n },
    ];
    expect(fillShortfalls(shortfalls, 600n)).toEqual({
      fills: [
        { caseId: "a", reserveMinor: 300n, remainingShortfallMinor: 0n },
        { caseId: "c", reserveMinor: 300n, remainingShortfallMinor: 200n },
      ],
      leftAvailableMinor: 0n,
    });
    expect(fillShortfalls(shortfalls, 1_000n).leftAvailableMinor).toBe(100n);
  });

  it("property: what is reserved plus what stays available is what came in", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { maxLength: 8 }), fc.bigInt({ min: 0n, max: 10n ** 10n }), (amounts, incoming) => {
        const { fills, leftAvailableMinor } = fillShortfalls(amounts.map((shortfallMinor, i) => ({ caseId: String(i), shortfallMinor })), incoming);
        expect(fills.reduce((sum, fill) => sum + fill.reserveMinor, leftAvailableMinor)).toBe(incoming);
        expect(leftAvailableMinor === 0n || fills.every((fill) => fill.remainingShortfallMinor === 0n)).toBe(true);
      }),
    );
  });
});

const base: OutcomeInput = {
  category: "quality_claim",
  outcome: "won",
  paidByCard: false,
  disputedMinor: 100_000n,
  reservedMinor: 100_000n,
  chargebackFeeMinor: 1_500n,
};

describe("outcomePlan", () => {
  it("releases the whole reserve when the factory wins or the claim is withdrawn", () => {
    for (const outcome of ["won", "withdrawn"] as const) {
      expect(outcomePlan({ ...base, outcome })).toEqual({
        buyerShareMinor: 0n,
        factoryShareMinor: 100_000n,
        movements: [{ kind: "release", from: "reserved", to: "available", amountMinor: 100_000n }],
      });
    }
  });

  it("refunds a bank-paid buyer through payout clearing when the factory loses", () => {
    expect(outcomePlan({ ...base, outcome: "lost" }).movements).toEqual([{ kind: "refund", from: "reserved", to: "payout_clearing", amountMinor: 100_000n }]);
    expect(outcomePlan({ ...base, outcome: "lost", paidByCard: true }).movements).toEqual([{ kind: "refund", from: "reserved", to: "card_clearing", amountMinor: 100_000n }]);
  });

  it("debits a lost chargeback to card clearing and charges the chargeback fee from available", () => {
    expect(outcomePlan({ ...base, category: "chargeback", outcome: "lost" }).movements).toEqual([
      { kind: "chargeback_debit", from: "reserved", to: "card_clearing", amountMinor: 100_000n },
      { kind: "chargeback_fee", from: "available", to: "fee_revenue", amountMinor: 1_500n },
    ]);
    expect(outcomePlan({ ...base, category: "chargeback", outcome: "won" }).movements).toEqual([
      { kind: "release", from: "reserved", to: "available", amountMinor: 100_000n },
    ]);
  });

  it("splits a partial outcome by amount to the cent", () => {
    const plan = outcomePlan({ ...base, outcome: "partial", buyerShareMinor: 33_333n });
    expect(plan).toEqual({
      buyerShareMinor: 33_333n,
      factoryShareMinor: 66_667n,
      movements: [
        { kind: "release", from: "reserved", to: "available", amountMinor: 66_667n },
        { kind: "refund", from: "reserved", to: "payout_clearing", amountMinor: 33_333n },
      ],
    });
  });

  it("pays a reserve shortfall never filled from available", () => {
    expect(outcomePlan({ ...base, outcome: "lost", reservedMinor: 70_000n }).movements).toEqual([
      { kind: "refund", from: "reserved", to: "payout_clearing", amountMinor: 70_000n },
      { kind: "refund", from: "available", to: "payout_clearing", amountMinor: 30_000n },
    ]);
    expect(outcomePlan({ ...base, outcome: "partial", buyerShareMinor: 20_000n, reservedMinor: 70_000n }).movements).toEqual([
      { kind: "release", from: "reserved", to: "available", amountMinor: 50_000n },
      { kind: "refund", from: "reserved", to: "payout_clearing", amountMinor: 20_000n },
    ]);
  });

  it.each([undefined, 0n, 100_000n, -1n])("refuses a partial buyer share of %s", (buyerShareMinor) => {
    expect(() => outcomePlan({ ...base, outcome: "partial", buyerShareMinor })).toThrow(RangeError);
  });

  it("moves nothing for a payment that never arrived", () => {
    expect(outcomePlan({ ...base, category: "payment_not_received", outcome: "lost", reservedMinor: 0n }).movements).toEqual([]);
    expect(() => outcomePlan({ ...base, category: "payment_not_received", reservedMinor: 1n })).toThrow(RangeError);
  });

  it("refuses a reserve above the disputed amount", () => {
    expect(() => outcomePlan({ ...base, reservedMinor: 100_001n })).toThrow(RangeError);
  });

  const inputs = fc
    .record({
      category: fc.constantFrom(...DISPUTE_CATEGORIES.filter(reservesMoney)),
      outcome: fc.constantFrom("won" as const, "lost" as const, "partial" as const, "withdrawn" as const),
      paidByCard: fc.boolean(),
      disputedMinor: fc.bigInt({ min: 2n, max: 10n ** 15n }),
      reservedPart: fc.bigInt({ min: 0n, max: 1000n }),
      sharePart: fc.bigInt({ min: 1n, max: 999n }),
      chargebackFeeMinor: fc.bigInt({ min: 0n, max: 10_000n }),
    })
    .map(({ reservedPart, sharePart, ...rest }) => {
      const share = (rest.disputedMinor * sharePart) / 1000n;
      return {
        ...rest,
        reservedMinor: (rest.disputedMinor * reservedPart) / 1000n,
        buyerShareMinor: share === 0n ? 1n : share >= rest.disputedMinor ? rest.disputedMinor - 1n : share,
      };
    });

  it("property: buyer and factory shares sum to the disputed amount, the reserve is emptied, and the lines balance", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = outcomePlan(input);
        expect(plan.buyerShareMinor + plan.factoryShareMinor).toBe(input.disputedMinor);
        const outOfReserve = plan.movements.filter((m) => m.from === "reserved").reduce((sum, m) => sum + m.amountMinor, 0n);
        expect(outOfReserve).toBe(input.reservedMinor);
        const toBuyer = plan.movements.filter((m) => m.kind === "refund" || m.kind === "chargeback_debit").reduce((sum, m) => sum + m.amountMinor, 0n);
        expect(toBuyer).toBe(plan.buyerShareMinor);
        const lines = movementLines(plan.movements, ORG, "USD");
        if (lines.length > 0) expect(() => validateEntry({ organizationId: ORG, idempotencyKey: "dispute:x:decision:1", type: "dispute_decision", description: "Dispute decided", lines })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe("movementLines", () => {
  it("nets movements to one line per account and puts platform kinds on the platform", () => {
    const plan = outcomePlan({ ...base, category: "chargeback", outcome: "partial", buyerShareMinor: 40_000n, reservedMinor: 100_000n });
    expect(movementLines(plan.movements, ORG, "USD")).toEqual([
      { account: { organizationId: ORG, kind: "reserved", currency: "USD" }, amountMinor: -100_000n },
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: 58_500n },
      { account: { organizationId: null, kind: "card_clearing", currency: "USD" }, amountMinor: 40_000n },
      { account: { organizationId: null, kind: "fee_revenue", currency: "USD" }, amountMinor: 1_500n },
    ]);
  });

  it("posts a reserve from available to reserved, and nothing for a zero reserve", () => {
    expect(movementLines(reserveMovements(12_345n), ORG, "EUR")).toEqual([
      { account: { organizationId: ORG, kind: "available", currency: "EUR" }, amountMinor: -12_345n },
      { account: { organizationId: ORG, kind: "reserved", currency: "EUR" }, amountMinor: 12_345n },
    ]);
    expect(movementLines(reserveMovements(0n), ORG, "EUR")).toEqual([]);
  });
});
