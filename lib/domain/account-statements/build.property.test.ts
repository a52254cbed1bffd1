import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORGANIZATION_ACCOUNT_KINDS } from "../ledger/accounts";
import { buildAccountStatement } from "./build";
import type { EntryFees, FeeCharge, StatementAccount, StatementPosting } from "./types";

const amount = fc.bigInt({ min: -10_000_000n, max: 10_000_000n }).filter((value) => value !== 0n);
const kind = fc.constantFrom(...ORGANIZATION_ACCOUNT_KINDS);
const charge: fc.Arbitrary<FeeCharge> = fc.record({
  type: fc.constantFrom("collection", "risk_surcharge", "payout", "expedited_payout", "fx_conversion"),
  basisMinor: fc.option(fc.bigInt({ min: 1n, max: 10_000_000n }), { nil: null }),
  rate: fc.option(fc.constantFrom("0.006", "0.0018", "0.01"), { nil: null }),
  amountMinor: fc.bigInt({ min: 1n, max: 50_000n }),
});
// An entry: one to three postings on distinct accounts, and maybe fees, whose breakdown may or may not add up.
const entry = fc.record({
  lines: fc.uniqueArray(fc.tuple(kind, amount), { minLength: 1, maxLength: 3, selector: ([k]) => k }),
  charges: fc.array(charge, { maxLength: 3 }),
  revenue: fc.constantFrom("none", "charges", "refund", "other"),
  other: fc.bigInt({ min: -5_000n, max: 5_000n }),
});

describe("account statement properties", () => {
  it("opening + every line = closing on every account; fees split a posting without changing it; reconciled exactly when the ledger agrees", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 25 }),
        fc.array(fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.bigInt({ min: -2n, max: 2n }), { minLength: 5, maxLength: 5 }),
        (entries, openings, drift) => {
          const postings: StatementPosting[] = [];
          const fees = new Map<string, EntryFees>();
          let lineId = 1;
          entries.forEach((draft, index) => {
            const entryId = `entry-${index}`;
            for (const [accountKind, amountMinor] of draft.lines) {
              postings.push({
                lineId: String(lineId++),
                entryId,
                accountKind,
                amountMinor,
                postedAt: new Date(Date.UTC(2026, 2, 1 + (index % 28))),
                entryType: "collection",
                description: "",
                cause: null,
                reversesEntryId: null,
              });
            }
            const total = draft.charges.reduce((sum, c) => sum + c.amountMinor, 0n);
            const revenue = { none: 0n, charges: total, refund: -total, other: draft.other }[draft.revenue];
            fees.set(entryId, { feeRevenueMinor: revenue, charges: draft.charges });
          });
          // Shuffled input: the statement orders by posting.
          postings.reverse();
          const sums = new Map(ORGANIZATION_ACCOUNT_KINDS.map((k) => [k, 0n]));
          for (const p of postings) sums.set(p.accountKind, sums.get(p.accountKind)! + p.amountMinor);
          const accounts: StatementAccount[] = ORGANIZATION_ACCOUNT_KINDS.map((k, i) => ({
            kind: k,
            openingMinor: openings[i]!,
            ledgerClosingMinor: openings[i]! + sums.get(k)! + drift[i]!,
          }));

          const statement = buildAccountStatement({ currency: "USD", month: "2026-03", accounts, postings, fees });

          let netFees = 0n;
          for (const section of statement.sections) {
            const i = ORGANIZATION_ACCOUNT_KINDS.indexOf(section.kind);
            const lineSum = section.lines.reduce((sum, line) => sum + line.amountMinor, 0n);
            expect(section.openingMinor + lineSum).toBe(section.closingMinor);
            expect(section.closingMinor).toBe(openings[i]! + sums.get(section.kind)!);
            expect(section.openingMinor + section.creditsMinor - section.debitsMinor).toBe(section.closingMinor);
            expect(section.lines.at(-1)?.balanceMinor ?? section.openingMinor).toBe(section.closingMinor);
            expect(section.reconciled).toBe(drift[i] === 0n);
            for (const line of section.lines) expect(line.debitMinor === 0n || line.creditMinor === 0n).toBe(true);
            // Each posting's parts add up to the posting.
            const own = postings.filter((p) => p.accountKind === section.kind);
            for (const p of own) {
              const parts = section.lines.filter((line) => line.lineId === p.lineId);
              expect(parts.reduce((sum, line) => sum + line.amountMinor, 0n)).toBe(p.amountMinor);
            }
            netFees += section.netFeesMinor;
          }
          expect(statement.feeTotals.reduce((sum, total) => sum + total.amountMinor, 0n)).toBe(netFees);
          // Every entry's fees are shown once, on one account.
          const feeLines = statement.sections.flatMap((section) => section.lines.filter((line) => line.fee));
          for (const [entryId, entryFees] of fees) {
            const shown = feeLines.filter((line) => line.entryId === entryId).reduce((sum, line) => sum - line.amountMinor, 0n);
            expect(shown).toBe(entryFees.feeRevenueMinor);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
