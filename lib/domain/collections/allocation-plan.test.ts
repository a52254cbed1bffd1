import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllocationPlanError, planAllocation } from "./allocation-plan";

const deposit = { id: "deposit", outstandingMinor: 30_000n };
const balance = { id: "balance", outstandingMinor: 70_000n };

describe("planAllocation", () => {
  it("pays the oldest instalment first and spills into the next", () => {
    const plan = planAllocation([deposit, balance], { amountMinor: 50_000n, sameCurrency: true });
    expect(plan.parts).toEqual([
      { instalmentId: "deposit", amountMinor: 30_000n, invoiceAmountMinor: 30_000n, bankChargesMinor: 0n },
      { instalmentId: "balance", amountMinor: 20_000n, invoiceAmountMinor: 20_000n, bankChargesMinor: 0n },
    ]);
    expect(plan.excessMinor).toBe(0n);
  });

  it("keeps an overpayment as excess", () => {
    const plan = planAllocation([deposit], { amountMinor: 30_500n, sameCurrency: true });
    expect(plan.parts).toHaveLength(1);
    expect(plan.parts[0]!.amountMinor).toBe(30_000n);
    expect(plan.excessMinor).toBe(500n);
  });

  it("settles a shortfall as bank charges deducted on the way", () => {
    const plan = planAllocation([deposit], { amountMinor: 29_975n, bankChargesMinor: 25n, sameCurrency: true });
    expect(plan.parts).toEqual([{ instalmentId: "deposit", amountMinor: 29_975n, invoiceAmountMinor: 29_975n, bankChargesMinor: 25n }]);
  });

  it("refuses charges together with an overpayment, and empty or negative amounts", () => {
    expect(() => planAllocation([deposit], { amountMinor: 30_000n, bankChargesMinor: 1n, sameCurrency: true })).toThrow(AllocationPlanError);
    expect(() => planAllocation([deposit], { amountMinor: 0n, sameCurrency: true })).toThrow(AllocationPlanError);
    expect(() => planAllocation([deposit], { amountMinor: 5n, bankChargesMinor: -1n, sameCurrency: true })).toThrow(AllocationPlanError);
  });

  it("refuses a paid invoice", () => {
    expect(() => planAllocation([{ id: "x", outstandingMinor: 0n }], { amountMinor: 1n, sameCurrency: true })).toThrow("invoice_already_paid");
  });

  it("across currencies needs the settled amount and never exceeds what is owed", () => {
    expect(() => planAllocation([deposit], { amountMinor: 100n, sameCurrency: false })).toThrow("invoice_amount_required");
    expect(() => planAllocation([deposit], { amountMinor: 100n, invoiceAmountMinor: 30_001n, sameCurrency: false })).toThrow(
      "invalid_allocation_amount",
    );
    const plan = planAllocation([deposit, balance], { amountMinor: 1_000_000n, invoiceAmountMinor: 40_000n, sameCurrency: false });
    expect(plan.parts.map((part) => part.amountMinor)).toEqual([750_000n, 250_000n]);
    expect(plan.parts.map((part) => part.invoiceAmountMinor)).toEqual([30_000n, 10_000n]);
    expect(plan.excessMinor).toBe(0n);
  });

  it("never loses or creates a minor unit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 6 }),
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.bigInt({ min: 0n, max: 10n ** 4n }),
        (outstanding, amount, charges) => {
          const instalments = outstanding.map((outstandingMinor, index) => ({ id: String(index), outstandingMinor }));
          const owed = outstanding.reduce((a, b) => a + b, 0n);
          let plan;
          try {
            plan = planAllocation(instalments, { amountMinor: amount, bankChargesMinor: charges, sameCurrency: true });
          } catch (error) {
            expect(error).toBeInstanceOf(AllocationPlanError);
            return;
          }
          const money = plan.parts.reduce((sum, part) => sum + part.amountMinor, 0n);
          const settled = plan.parts.reduce((sum, part) => sum + part.invoiceAmountMinor + part.bankChargesMinor, 0n);
          expect(money + plan.excessMinor).toBe(amount);
          expect(settled).toBe(amount + charges - plan.excessMinor);
          expect(settled).toBeLessThanOrEqual(owed);
          for (const part of plan.parts) {
            const instalment = instalments.find((candidate) => candidate.id === part.instalmentId)!;
            expect(part.invoiceAmountMinor + part.bankChargesMinor).toBeLessThanOrEqual(instalment.outstandingMinor);
          }
        },
      ),
    );
  });
});
