import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseCamtStream } from "./camt";
import { CAMT_TAIL, camtEntry, camtHead, mt940Balance, mt940Line } from "./fixtures/writers";
import { parseMt940Stream } from "./mt940";
import { linesOf } from "./stream";
import { type StatementSummary, type StatementTransaction } from "./transaction";

const COUNT = 100_000;
const ACCOUNT = "DE89370400440532013000";

function generated(i: number): StatementTransaction {
  return {
    account: ACCOUNT,
    currency: "EUR",
    direction: i % 3 === 0 ? "debit" : "credit",
    amountMinor: BigInt(1000 + (i % 9973)),
    bookingDate: "2026-03-02",
    valueDate: "2026-03-02",
    bankRef: `BR${String(i).padStart(10, "0")}`,
    ref: `E2E-${i}`,
    text: `Payment for invoice INV-2026-${String(i).padStart(6, "0")} thank you for your business`,
    party: `Buyer number ${i % 500} Trading Company Limited`,
    reversal: false,
  };
}

const signed = (i: number) => (generated(i).direction === "credit" ? 1n : -1n) * generated(i).amountMinor;
const expectedClosing = (() => {
  let sum = 0n;
  for (let i = 0; i < COUNT; i++) sum += signed(i);
  return sum;
})();

/** Produces the file lazily in ~64 KB chunks, so the test itself never holds it. */
async function* chunks(parts: Iterable<string>): AsyncGenerator<string> {
  let buffer = "";
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= 64 * 1024) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

function* camtParts(sizes: { bytes: number }): Generator<string> {
  const emit = (s: string) => ((sizes.bytes += s.length), s);
  yield emit(camtHead(ACCOUNT, "EUR", 0n, expectedClosing));
  for (let i = 0; i < COUNT; i++) yield emit(camtEntry(generated(i)));
  yield emit(CAMT_TAIL);
}

function* mt940Parts(sizes: { bytes: number }): Generator<string> {
  const emit = (s: string) => ((sizes.bytes += s.length), s);
  yield emit(`:20:BIG\n:25:${ACCOUNT}\n:28C:1/1\n` + mt940Balance("60F", 0n, "EUR", "2026-03-01"));
  for (let i = 0; i < COUNT; i++) yield emit(mt940Line(generated(i)));
  yield emit(mt940Balance("62F", expectedClosing, "EUR", "2026-03-02") + "-\n");
}

// Live memory, not garbage awaiting collection: a full collection before each reading.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const liveHeap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

async function consume(transactions: AsyncIterable<StatementTransaction>) {
  const before = liveHeap();
  let peak = before;
  let count = 0;
  let sum = 0n;
  let mismatched = 0;
  for await (const tx of transactions) {
    if (count % 10_000 === 5_000) peak = Math.max(peak, liveHeap());
    if (count % 1000 === 0) {
      if (tx.bankRef !== generated(count).bankRef || tx.ref !== `E2E-${count}`) mismatched++;
    }
    sum += tx.direction === "credit" ? tx.amountMinor : -tx.amountMinor;
    count++;
  }
  return { count, sum, mismatched, growth: peak - before };
}

describe("streaming 100,000 transactions", () => {
  it("camt.053: parses every entry with bounded memory", async () => {
    const sizes = { bytes: 0 };
    const summaries: StatementSummary[] = [];
    const result = await consume(parseCamtStream(chunks(camtParts(sizes)), (s) => summaries.push(s)));
    expect(result).toMatchObject({ count: COUNT, sum: expectedClosing, mismatched: 0 });
    expect(summaries).toEqual([
      { account: ACCOUNT, currency: "EUR", openingBalanceMinor: 0n, closingBalanceMinor: expectedClosing, balanceMismatch: false },
    ]);
    expect(sizes.bytes).toBeGreaterThan(40_000_000);
    // Holding the file would take at least its length in bytes; a streaming reader keeps about one chunk.
    expect(result.growth).toBeLessThan(sizes.bytes / 10);
  }, 60_000);

  it("MT940: parses every line with bounded memory", async () => {
    const sizes = { bytes: 0 };
    const summaries: StatementSummary[] = [];
    const result = await consume(parseMt940Stream(linesOf(chunks(mt940Parts(sizes))), (s) => summaries.push(s)));
    expect(result).toMatchObject({ count: COUNT, sum: expectedClosing, mismatched: 0 });
    expect(summaries[0]!.balanceMismatch).toBe(false);
    expect(result.growth).toBeLessThan(sizes.bytes / 10);
  }, 60_000);
});
