import { describe, expect, it } from "vitest";
import { batchStatementLines } from "./batch";
import { batchCsvRows } from "./csv";

describe("batchCsvRows", () => {
  it("writes every line with its signed amount in its own currency, the FX rates and the payout reference", () => {
    const statement = batchStatementLines({
      currency: "USD",
      payoutCurrency: "CNY",
      collections: [{ reference: "INV-2026-0042 · BR-1", source: "card", clearedOn: "2026-11-25", grossMinor: 100_000n, fees: [{ type: "collection", currency: "USD", basisMinor: 100_000n, rate: "0.006", amountMinor: 600n }] }],
      settledMinor: 99_400n,
      conversion: { soldMinor: 99_400n, fee: null, boughtMinor: 712_098n, rate: "7.164", mid: "7.2" },
      payoutFees: [{ type: "payout", currency: "CNY", basisMinor: null, rate: null, amountMinor: 500n }],
    });
    const rows = batchCsvRows(statement, "SBX-PO-123");
    expect(rows[0]).toEqual(["line", "reference", "source", "cleared_on", "fee_type", "basis", "rate", "currency", "amount", "counter_currency", "counter_amount", "mid_rate", "payout_reference"]);
    expect(rows.slice(1)).toEqual([
      ["collection", "INV-2026-0042 · BR-1", "card", "2026-11-25", "", "", "", "USD", "1000.00", "", "", "", ""],
      ["gross", "", "", "", "", "", "", "USD", "1000.00", "", "", "", ""],
      ["fee", "INV-2026-0042 · BR-1", "", "", "collection", "1000.00", "0.006", "USD", "-6.00", "", "", "", ""],
      ["settled", "", "", "", "", "", "", "USD", "994.00", "", "", "", ""],
      ["fx", "", "", "", "", "", "7.164", "USD", "-994.00", "CNY", "7120.98", "7.2", ""],
      ["fee", "", "", "", "payout", "", "", "CNY", "-5.00", "", "", "", ""],
      ["net", "", "", "", "", "", "", "CNY", "7115.98", "", "", "", "SBX-PO-123"],
    ]);
  });
});
