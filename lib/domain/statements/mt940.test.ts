import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StatementParseError } from "./errors";
import { parseMt940, parseMt940Stream } from "./mt940";
import { parseMt940Info } from "./mt940-info";
import { linesOf } from "./stream";
import { toJsonLine } from "./transaction";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const FILE = fixture("mt940-two-layouts.sta");

function refusal(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StatementParseError);
    return error as StatementParseError;
  }
  throw new Error("expected a StatementParseError");
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

const EXPECTED = [
  '{"account":"NL91ABNA0417164300","currency":"EUR","direction":"credit","amountMinor":"150000","bookingDate":"2026-03-02","valueDate":"2026-03-02","bankRef":"ABN0302A001","ref":"RF16INV20260001","text":"INVOICE INV-2026-0001 RF16INV20260001","party":"Hanse Kontor GmbH","reversal":false}',
  '{"account":"NL91ABNA0417164300","currency":"EUR","direction":"credit","amountMinor":"225050","bookingDate":"2026-03-02","valueDate":"2026-03-02","bankRef":"ABN0302A002","ref":"E2E-771","text":"Balance order 771","party":"Baltic Traders OU","reversal":false}',
  '{"account":"NL91ABNA0417164300","currency":"EUR","direction":"debit","amountMinor":"12000","bookingDate":"2026-03-02","valueDate":"2026-03-02","bankRef":"ABN0302A003","text":"Wire fees February","reversal":false}',
  '{"account":"NL91ABNA0417164300","currency":"EUR","direction":"debit","amountMinor":"30000","bookingDate":"2026-03-02","valueDate":"2026-03-02","bankRef":"ABN0302A004","text":"Return of transfer","party":"Old Supplier BV","reversal":true}',
  '{"account":"0532013000","currency":"EUR","direction":"credit","amountMinor":"500000","bookingDate":"2026-01-02","valueDate":"2025-12-31","bankRef":"2512310001","ref":"RF48INV20260007","text":"Rechnung INV-2026-0011 Anzahlung RF48 INV2 0260 007","party":"Pacific Rim Outfitters Pty Ltd","reversal":false}',
  '{"account":"0532013000","currency":"EUR","direction":"credit","amountMinor":"15000","bookingDate":"2026-01-02","valueDate":"2026-01-02","bankRef":"2601020007","ref":"ORD-55","text":"Ruecklastschrift","party":"Lieferant Alpha GmbH","reversal":true}',
  '{"account":"0532013000","currency":"EUR","direction":"debit","amountMinor":"8990","bookingDate":"2025-12-30","valueDate":"2026-01-02","bankRef":"2601020009","ref":"KD-4431","text":"Kontofuehrung Dezember Entgelt lt. Aushang","reversal":false}',
  '{"account":"0532013000","currency":"EUR","direction":"credit","amountMinor":"100000","bookingDate":"2026-01-02","valueDate":"2026-01-02","bankRef":"2601020010","text":"Order 8812 final payment","party":"Kowloon Lamps Ltd","reversal":false}',
];

describe("MT940", () => {
  it("reads two statements: /EREF/ tags and ?20 sub-fields, funds code, RC/RD, year-wrapping entry dates", () => {
    const result = parseMt940(FILE);
    expect(result.transactions.map(toJsonLine)).toEqual(EXPECTED);
    expect(result.statements).toEqual([
      { account: "NL91ABNA0417164300", currency: "EUR", openingBalanceMinor: 1250000n, closingBalanceMinor: 1583050n, balanceMismatch: false },
      { account: "0532013000", currency: "EUR", openingBalanceMinor: 800000n, closingBalanceMinor: 1406010n, balanceMismatch: false },
    ]);
  });

  it("reads CRLF line ends and streams line by line to the same result", async () => {
    expect(parseMt940(FILE.replace(/\n/g, "\r\n")).transactions.map(toJsonLine)).toEqual(EXPECTED);
    async function* chunks() {
      for (let i = 0; i < FILE.length; i += 13) yield FILE.slice(i, i + 13);
    }
    const summaries: unknown[] = [];
    const streamed: string[] = [];
    for await (const tx of parseMt940Stream(linesOf(chunks()), (s) => summaries.push(s))) streamed.push(toJsonLine(tx));
    expect(streamed).toEqual(EXPECTED);
    expect(summaries).toHaveLength(2);
  });

  it("books RC (reversal of a credit) as money going out and RD (reversal of a debit) as money coming in", () => {
    const text = [":20:R", ":25:1", ":60F:C260301EUR100,", ":61:260302RC30,NTRFNONREF//R1", ":61:260302RD5,NTRFNONREF//R2", ":62F:C260302EUR75,"].join("\n");
    const result = parseMt940(text);
    expect(result.transactions.map((t) => [t.bankRef, t.direction, t.reversal])).toEqual([
      ["R1", "debit", true],
      ["R2", "credit", true],
    ]);
    expect(result.statements[0]!.balanceMismatch).toBe(false);
  });

  it("puts a 29 February entry date in the leap year next to the value date", () => {
    const text = [":20:L", ":25:1", ":60F:C240228EUR0,", ":61:2403010229C1,NTRFNONREF//L1", ":62F:C240301EUR1,"].join("\n");
    expect(parseMt940(text).transactions[0]).toMatchObject({ bookingDate: "2024-02-29", valueDate: "2024-03-01" });
    expect(() => parseMt940(text.replace("0229C", "0230C"))).toThrow(/Bad entry date "0230"/);
  });

  it("flags a balance mismatch", () => {
    const result = parseMt940(FILE.replace(":62F:C260102EUR14060,10", ":62F:C260102EUR14060,00"));
    expect(result.statements.map((s) => s.balanceMismatch)).toEqual([false, true]);
  });

  it("handles a debit opening balance and JPY amounts padded with decimals", () => {
    const text = [":20:JP1", ":25:0012345678", ":60F:D260301JPY1000,", ":61:260302C151000,00NTRFNONREF//JP-1", ":86:Deposit", ":62F:C260302JPY150000,", "-"].join("\n");
    const result = parseMt940(text);
    expect(result.statements[0]).toMatchObject({ openingBalanceMinor: -1000n, closingBalanceMinor: 150000n, balanceMismatch: false });
    expect(result.transactions[0]).toMatchObject({ currency: "JPY", amountMinor: 151000n, text: "Deposit" });
  });

  it("refuses malformed statements with the line at fault", () => {
    const badLine = refusal(() => parseMt940(FILE.replace(":61:260302D120,00NMSC", ":61:260302X120,00NMSC")));
    expect(badLine.code).toBe("mt940_malformed");
    expect(badLine.params).toMatchObject({ line: lineOf(FILE, ":61:260302D120,00"), element: ":61:" });

    const badBalance = refusal(() => parseMt940(FILE.replace(":60F:C251230EUR8000,00", ":60F:C251230EUR8000.00")));
    expect(badBalance.params).toMatchObject({ line: lineOf(FILE, ":60F:C251230"), element: ":60F:" });

    const badDate = refusal(() => parseMt940(FILE.replace(":61:260302C2250,50", ":61:260231C2250,50")));
    expect(badDate.params).toMatchObject({ line: lineOf(FILE, ":61:260302C2250,50"), value: "260231" });

    const noClosing = refusal(() => parseMt940(FILE.replace(":62F:C260302EUR15830,50\n", "")));
    expect(noClosing.params.element).toBe(":62F:");

    const stray = refusal(() => parseMt940(":20:X\n:25:1\n:60F:C260101EUR1,\n:62F:C260101EUR1,\n-\n:61:260101C1,NTRF//A\n"));
    expect(stray.params).toMatchObject({ line: 6, element: ":61:" });

    expect(refusal(() => parseMt940("hello\nworld\n")).code).toBe("mt940_malformed");
  });
});

describe(":86: layouts", () => {
  it("picks the party by direction in the tag layout", () => {
    const info = "/ORDP//NAME/Buyer Ltd/ADDR/London/BENM//NAME/Seller Co/REMI/USTD//Goods/";
    expect(parseMt940Info([info], "credit")).toMatchObject({ party: "Buyer Ltd", text: "Goods" });
    expect(parseMt940Info([info], "debit")).toMatchObject({ party: "Seller Co", text: "Goods" });
    expect(parseMt940Info(["/CNTP/NL91ABNA0417164300/ABNANL2A/ACME BV/AMSTERDAM/REMI/Invoice 7/"], "credit")).toMatchObject({
      party: "ACME BV",
      text: "Invoice 7",
    });
  });

  it("reads a structured creditor reference under /REMI/STRD/CUR/", () => {
    expect(parseMt940Info(["/REMI/STRD/CUR/RF18539007547034/EREF/E-1"], "credit")).toMatchObject({
      structuredRef: "RF18539007547034",
      endToEndId: "E-1",
    });
  });
});
