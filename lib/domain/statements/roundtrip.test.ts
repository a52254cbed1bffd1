import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCamt } from "./camt";
import { CAMT_TAIL, camtEntry, camtHead, mt940Balance, mt940Line } from "./fixtures/writers";
import { parseMt940 } from "./mt940";
import { computeRfReference } from "./rf-reference";
import { signedAmount, type StatementTransaction } from "./transaction";

const ACCOUNT = "DE89370400440532013000";
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const words = (alphabet: string) =>
  fc.array(fc.stringMatching(new RegExp(`^[${alphabet}]{1,8}$`)), { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));

const transaction = (currency: string) =>
  fc
    .record({
      direction: fc.constantFrom("credit" as const, "debit" as const),
      amountMinor: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      value: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) }),
      bookingOffset: fc.integer({ min: -10, max: 10 }),
      ref: fc.option(fc.oneof(fc.stringMatching(/^[A-Z0-9]{1,12}$/).map(computeRfReference), fc.stringMatching(/^E2E[A-Z0-9-]{1,10}$/)), { nil: undefined }),
      // No "r": random text must not contain an RF reference of its own.
      text: fc.option(words("a-qs-z0-9"), { nil: undefined }),
      party: fc.option(words("A-Za-z"), { nil: undefined }),
      reversal: fc.boolean(),
    })
    .map(({ value, bookingOffset, ...rest }): Omit<StatementTransaction, "bankRef"> => ({
      ...rest,
      account: ACCOUNT,
      currency,
      valueDate: iso(value - (value % DAY)),
      bookingDate: iso(value - (value % DAY) + bookingOffset * DAY),
    }));

const statement = fc
  .constantFrom("EUR", "JPY", "KWD")
  .chain((currency) => fc.tuple(fc.constant(currency), fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.array(transaction(currency), { maxLength: 12 })))
  .map(([currency, opening, txs]) => ({
    currency,
    opening,
    transactions: txs.map((tx, i): StatementTransaction => ({ ...tx, bankRef: `B${i}X${tx.amountMinor % 1000n}` })),
  }));

const without = (txs: StatementTransaction[]) => txs.map((tx) => Object.fromEntries(Object.entries(tx).filter(([, v]) => v !== undefined)));

// Each property writes and parses a hundred statements: seconds on a busy 2-core CI machine, not milliseconds.
describe("a generated statement written out and parsed back gives the same transactions", { timeout: 60_000 }, () => {
  it("camt.053", () => {
    fc.assert(
      fc.property(statement, ({ currency, opening, transactions }) => {
        const closing = transactions.reduce((sum, tx) => sum + signedAmount(tx), opening);
        const xml = camtHead(ACCOUNT, currency, opening, closing) + transactions.map(camtEntry).join("") + CAMT_TAIL;
        const parsed = parseCamt(xml);
        expect(without(parsed.transactions)).toEqual(without(transactions));
        expect(parsed.statements).toEqual([
          { account: ACCOUNT, currency, openingBalanceMinor: opening, closingBalanceMinor: closing, balanceMismatch: false },
        ]);
      }),
      { numRuns: 150 },
    );
  });

  it("MT940", () => {
    fc.assert(
      fc.property(statement, ({ currency, opening, transactions }) => {
        const closing = transactions.reduce((sum, tx) => sum + signedAmount(tx), opening);
        const text =
          `:20:GEN\n:25:${ACCOUNT}\n:28C:1/1\n` +
          mt940Balance("60F", opening, currency, "2026-03-01") +
          transactions.map(mt940Line).join("") +
          mt940Balance("62F", closing, currency, "2026-03-31") +
          "-\n";
        const parsed = parseMt940(text);
        expect(without(parsed.transactions)).toEqual(without(transactions));
        expect(parsed.statements[0]!.balanceMismatch).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
