import { describe, expect, it } from "vitest";
import { buildAccountStatement } from "./build";
import { STATEMENT_CSV_COLUMNS, statementCsvRows } from "./csv";

describe("statement CSV rows", () => {
  const statement = buildAccountStatement({
    currency: "JPY",
    month: "2026-03",
    accounts: [{ kind: "available", openingMinor: 1_000n, ledgerClosingMinor: 100_700n }],
    postings: [
      {
        lineId: "7",
        entryId: "entry-1",
        accountKind: "available",
        amountMinor: 99_700n,
        // 23:30:05 on 31 March, China time.
        postedAt: new Date("2026-03-31T15:30:05Z"),
        entryType: "collection_match",
        description: "Payment BR-1 applied to INV-2026-0007",
        cause: { type: "payment_allocation", id: "a-1" },
        reversesEntryId: null,
      },
    ],
    fees: new Map([["entry-1", { feeRevenueMinor: 300n, charges: [{ type: "collection", basisMinor: 100_000n, rate: "0.003", amountMinor: 300n }] }]]),
  });

  it("writes an opening row, each line with its running balance and fee details, and a closing row", () => {
    const rows = statementCsvRows(statement, "Asia/Shanghai", new Map([["payment_allocation:a-1", { label: "INV-2026-0007", href: "/x" }]]));
    const objects = rows.slice(1).map((row) => Object.fromEntries(STATEMENT_CSV_COLUMNS.map((column, i) => [column, row[i]])));
    expect(rows[0]).toEqual([...STATEMENT_CSV_COLUMNS]);
    expect(objects).toEqual([
      expect.objectContaining({ account: "available", date: "2026-03-01", type: "opening_balance", balance: "1000", debit: "", credit: "" }),
      expect.objectContaining({ date: "2026-03-31", time: "23:30:05", type: "collection_match", reference: "INV-2026-0007", credit: "100000", debit: "", balance: "101000" }),
      expect.objectContaining({ type: "fee", fee_type: "collection", fee_basis: "100000", fee_rate_percent: "0.3", debit: "300", balance: "100700", currency: "JPY" }),
      expect.objectContaining({ date: "2026-03-31", type: "closing_balance", balance: "100700" }),
    ]);
    expect(rows.every((row) => row.length === STATEMENT_CSV_COLUMNS.length)).toBe(true);
  });

  it("names an unresolved cause by its type and id", () => {
    const rows = statementCsvRows(statement, "Asia/Shanghai", new Map());
    expect(rows[2]![5]).toBe("payment_allocation:a-1");
  });
});
