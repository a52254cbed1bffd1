import { describe, expect, it } from "vitest";
import { buildAccountStatement } from "./build";
import type { EntryFees, StatementAccount, StatementPosting } from "./types";

let nextLine = 100;
function posting(entryId: string, accountKind: StatementPosting["accountKind"], amountMinor: bigint, extra: Partial<StatementPosting> = {}): StatementPosting {
  nextLine += 1;
  return {
    lineId: String(nextLine),
    entryId,
    accountKind,
    amountMinor,
    postedAt: new Date("2026-03-10T02:00:00Z"),
    entryType: "collection_match",
    description: `Entry ${entryId}`,
    cause: { type: "payment_allocation", id: `alloc-${entryId}` },
    reversesEntryId: null,
    ...extra,
  };
}

const account = (kind: StatementAccount["kind"], openingMinor: bigint, ledgerClosingMinor: bigint): StatementAccount => ({ kind, openingMinor, ledgerClosingMinor });

describe("account statement", () => {
  it("shows a collection gross with its fees as their own debits, and a reversal giving them back", () => {
    const collectionFees: EntryFees = {
      feeRevenueMinor: 780n,
      charges: [
        { type: "collection", basisMinor: 100_000n, rate: "0.006", amountMinor: 600n },
        { type: "risk_surcharge", basisMinor: 100_000n, rate: "0.0018", amountMinor: 180n },
      ],
    };
    const statement = buildAccountStatement({
      currency: "USD",
      month: "2026-03",
      accounts: [account("available", 5_000n, 5_000n), account("unapplied", 0n, 0n)],
      postings: [
        posting("e1", "unapplied", -100_000n),
        posting("e1", "available", 99_220n),
        posting("e2", "available", -99_220n, { entryType: "reversal", reversesEntryId: "e1" }),
        posting("e2", "unapplied", 100_000n, { entryType: "reversal", reversesEntryId: "e1" }),
        posting("e3", "unapplied", -100_000n, { entryType: "collection_receipt" }),
      ],
      fees: new Map([
        ["e1", collectionFees],
        ["e2", { feeRevenueMinor: -780n, charges: collectionFees.charges }],
      ]),
    });
    const available = statement.sections.find((section) => section.kind === "available")!;
    expect(available.lines.map((line) => [line.kind, line.fee?.type ?? null, line.amountMinor, line.balanceMinor])).toEqual([
      ["movement", null, 100_000n, 105_000n],
      ["fee", "collection", -600n, 104_400n],
      ["fee", "risk_surcharge", -180n, 104_220n],
      ["movement", null, -100_000n, 4_220n],
      ["fee", "collection", 600n, 4_820n],
      ["fee", "risk_surcharge", 180n, 5_000n],
    ]);
    expect(available.lines[4]!.fee).toMatchObject({ refund: true, basisMinor: 100_000n, rate: "0.006" });
    expect(available).toMatchObject({ creditsMinor: 100_780n, debitsMinor: 100_780n, netFeesMinor: 0n, closingMinor: 5_000n, reconciled: true });
    // The unapplied account carries no fee: its lines stay as posted.
    const unapplied = statement.sections.find((section) => section.kind === "unapplied")!;
    expect(unapplied.lines.map((line) => line.amountMinor)).toEqual([-100_000n, 100_000n, -100_000n]);
    expect(unapplied).toMatchObject({ closingMinor: -100_000n, reconciled: false });
    expect(statement.reconciled).toBe(false);
    expect(statement.feeTotals).toEqual([
      { type: "collection", amountMinor: 0n, count: 1 },
      { type: "risk_surcharge", amountMinor: 0n, count: 1 },
    ]);
  });

  it("shows one unspecified fee when the recorded charges do not account for the fee line, and a fee-only entry as the fee alone", () => {
    const statement = buildAccountStatement({
      currency: "USD",
      month: "2026-03",
      accounts: [account("available", 10_000n, 9_000n)],
      postings: [posting("f1", "available", -494n, { entryType: "fx_conversion" }), posting("f2", "available", -506n, { entryType: "fee" })],
      fees: new Map([
        ["f1", { feeRevenueMinor: 6n, charges: [] }],
        ["f2", { feeRevenueMinor: 506n, charges: [{ type: "statement_import", basisMinor: null, rate: null, amountMinor: 500n }] }],
      ]),
    });
    const [section] = statement.sections;
    expect(section!.lines.map((line) => [line.kind, line.fee?.type ?? null, line.amountMinor])).toEqual([
      ["movement", null, -488n],
      ["fee", "other", -6n],
      ["fee", "other", -506n],
    ]);
    expect(section).toMatchObject({ closingMinor: 9_000n, netFeesMinor: 512n, reconciled: true });
  });

  it("takes fees out of the available line of an entry, not the account it moved from", () => {
    const statement = buildAccountStatement({
      currency: "USD",
      month: "2026-03",
      accounts: [account("available", 0n, 4_950n), account("pending", 5_000n, 0n)],
      postings: [posting("c1", "pending", -5_000n, { entryType: "card_clearing" }), posting("c1", "available", 4_950n, { entryType: "card_clearing" })],
      fees: new Map([["c1", { feeRevenueMinor: 50n, charges: [{ type: "collection", basisMinor: 5_000n, rate: "0.01", amountMinor: 50n }] }]]),
    });
    expect(statement.sections.map((section) => [section.kind, section.lines.map((line) => line.amountMinor)])).toEqual([
      ["available", [5_000n, -50n]],
      ["pending", [-5_000n]],
    ]);
    expect(statement.reconciled).toBe(true);
  });

  it("always shows the available account, and other accounts only when they had a balance or a movement", () => {
    const statement = buildAccountStatement({
      currency: "EUR",
      month: "2026-04",
      accounts: [account("available", 0n, 0n), account("reserved", 0n, 0n), account("buyer_credit", 700n, 700n)],
      postings: [],
      fees: new Map(),
    });
    expect(statement.sections.map((section) => section.kind)).toEqual(["available", "buyer_credit"]);
    expect(statement.sections.every((section) => section.lines.length === 0 && section.closingMinor === section.openingMinor)).toBe(true);
  });

  it("refuses a posting on an account it was not given", () => {
    expect(() =>
      buildAccountStatement({ currency: "USD", month: "2026-03", accounts: [account("available", 0n, 0n)], postings: [posting("x", "reserved", 5n)], fees: new Map() }),
    ).toThrow(/reserved/);
  });
});
