import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FeeSchedule, STANDARD_FEE_SCHEDULE, totalFees } from "../fees";
import { validateEntry } from "../ledger";
import { allocationEntry, cardClearingEntry, receiptEntry } from "./entries";
import { type CollectionFeeTerms, collectionPartFees } from "./fees";

const ORG = "0b6c4a8e-5a57-4c1e-9d1c-6c9f2f0a1b2c";
const ID = "5d0f3e1a-2b4c-4d6e-8f10-123456789abc";
const standard: CollectionFeeTerms = { schedule: STANDARD_FEE_SCHEDULE, monthVolumeCnyMinor: 0n, riskLevel: "standard", country: "GB" };
const feesOn = (amountMinor: bigint, terms = standard, currency = "USD") => collectionPartFees(terms, currency, [amountMinor])[0]!;
const lines = (draft: ReturnType<typeof allocationEntry>) => validateEntry(draft).lines.map((line) => `${line.account.organizationId ? "org" : "platform"}:${line.account.kind} ${line.amountMinor}`);

describe("allocationEntry", () => {
  it("credits available with the money net of the fee and the fee to the platform's revenue, balanced", () => {
    const entry = allocationEntry(ORG, ID, { target: "invoice", currency: "USD", amountMinor: 100_000n, description: "Payment applied", fees: feesOn(100_000n) });
    expect(lines(entry)).toEqual(["org:available 99400", "org:unapplied -100000", "platform:fee_revenue 600"]);
    expect(entry).toMatchObject({ idempotencyKey: `allocation:${ID}`, type: "collection_match", cause: { type: "payment_allocation", id: ID } });
  });

  it("adds the risk surcharge to the same fee line's total", () => {
    const fees = feesOn(100_000n, { ...standard, riskLevel: "high" });
    expect(fees.map((fee) => [fee.type, fee.amountMinor])).toEqual([["collection", 600n], ["risk_surcharge", 180n]]);
    const entry = allocationEntry(ORG, ID, { target: "invoice", currency: "USD", amountMinor: 100_000n, description: "x", fees });
    expect(lines(entry)).toEqual(["org:available 99220", "org:unapplied -100000", "platform:fee_revenue 780"]);
  });

  it("posts the entry it posted before fees when nothing is charged", () => {
    expect(lines(allocationEntry(ORG, ID, { target: "invoice", currency: "USD", amountMinor: 83n, description: "x", fees: feesOn(83n) }))).toEqual([
      "org:available 83",
      "org:unapplied -83",
    ]);
  });

  it("keeps a buyer's credit whole and refuses to charge it", () => {
    expect(lines(allocationEntry(ORG, ID, { target: "buyer_credit", currency: "USD", amountMinor: 5_000n, description: "x" }))).toEqual([
      "org:buyer_credit 5000",
      "org:unapplied -5000",
    ]);
    expect(() => allocationEntry(ORG, ID, { target: "buyer_credit", currency: "USD", amountMinor: 5_000n, description: "x", fees: feesOn(5_000n) })).toThrow(RangeError);
  });

  it("refuses fees that would take the whole amount or are in another currency", () => {
    const all = [{ type: "collection" as const, currency: "USD", basisMinor: 10n, rate: "1", amountMinor: 10n }];
    expect(() => allocationEntry(ORG, ID, { target: "invoice", currency: "USD", amountMinor: 10n, description: "x", fees: all })).toThrow(RangeError);
    expect(() => allocationEntry(ORG, ID, { target: "invoice", currency: "EUR", amountMinor: 1_000n, description: "x", fees: feesOn(1_000n) })).toThrow(RangeError);
  });

  it("balances, and gross = net + fee, for any amount, currency, tier and risk", () => {
    const surcharged: FeeSchedule = { ...STANDARD_FEE_SCHEDULE, collection: { baseBps: 500, volumeTiers: [] }, riskSurcharge: { ...STANDARD_FEE_SCHEDULE.riskSurcharge, highRiskCountryPercent: 50 } };
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.constantFrom("USD", "JPY", "KWD", "CNY"),
        fc.constantFrom(STANDARD_FEE_SCHEDULE, surcharged),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.constantFrom("standard", "high" as const),
        fc.constantFrom("GB", "IR", null),
        (amountMinor, currency, schedule, monthVolumeCnyMinor, riskLevel, country) => {
          const fees = feesOn(amountMinor, { schedule, monthVolumeCnyMinor, riskLevel, country }, currency);
          const entry = validateEntry(allocationEntry(ORG, ID, { target: "invoice", currency, amountMinor, description: "x", fees }));
          const net = entry.lines.find((line) => line.account.kind === "available")!.amountMinor;
          const fee = entry.lines.find((line) => line.account.kind === "fee_revenue")?.amountMinor ?? 0n;
          expect(fee).toBe(totalFees(currency, fees));
          expect(net + fee).toBe(amountMinor);
          expect(net).toBeGreaterThan(0n);
        },
      ),
    );
  });
});

describe("cardClearingEntry", () => {
  it("moves pending to available net of the fee, the overpaid part to the buyer's credit uncharged", () => {
    const fees = feesOn(30_000n);
    const entry = cardClearingEntry(ORG, ID, { currency: "USD", amountMinor: 30_500n, creditMinor: 500n, processorPaymentId: "pi_1", fees });
    expect(validateEntry(entry).lines.map((line) => `${line.account.kind} ${line.amountMinor}`)).toEqual([
      "available 29820",
      "buyer_credit 500",
      "pending -30500",
      "fee_revenue 180",
    ]);
    expect(entry.idempotencyKey).toBe(`card-clearing:${ID}`);
  });

  it("charges nothing on a payment that is all credit, and refuses a fee on it", () => {
    const entry = cardClearingEntry(ORG, ID, { currency: "USD", amountMinor: 500n, creditMinor: 500n, processorPaymentId: "pi_1", fees: [] });
    expect(validateEntry(entry).lines.map((line) => `${line.account.kind} ${line.amountMinor}`)).toEqual(["buyer_credit 500", "pending -500"]);
    expect(() => cardClearingEntry(ORG, ID, { currency: "USD", amountMinor: 500n, creditMinor: 500n, processorPaymentId: "pi_1", fees: feesOn(500n) })).toThrow(RangeError);
    expect(() => cardClearingEntry(ORG, ID, { currency: "USD", amountMinor: 500n, creditMinor: 600n, processorPaymentId: "pi_1", fees: [] })).toThrow(RangeError);
  });
});

describe("receiptEntry", () => {
  it("takes bank money into unapplied, charging nothing yet", () => {
    const entry = validateEntry(receiptEntry(ORG, ID, { currency: "USD", amountMinor: 1_000n, bankRef: "B1" }));
    expect(entry.lines.map((line) => `${line.account.kind} ${line.amountMinor}`)).toEqual(["unapplied 1000", "bank_clearing -1000"]);
  });
});
