import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_MAPPINGS, type CsvMapping, parseCsv } from "./csv";
import { StatementParseError } from "./errors";
import { toJsonLine } from "./transaction";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

function refusal(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StatementParseError);
    return error as StatementParseError;
  }
  throw new Error("expected a StatementParseError");
}

describe("CSV with a saved mapping", () => {
  it("reads the generic layout: signed amounts, quoted fields, empty value date, NOTPROVIDED", () => {
    expect(parseCsv(fixture("csv-generic.csv"), CSV_MAPPINGS.generic!).transactions.map(toJsonLine)).toEqual([
      '{"account":"SG62DBSS0011223344556","currency":"SGD","direction":"credit","amountMinor":"420000","bookingDate":"2026-03-09","valueDate":"2026-03-09","bankRef":"DBS-0309-001","ref":"RF47A1B2C3","text":"Deposit, PO 5521","party":"Lion City Retail Pte. Ltd.","reversal":false}',
      '{"account":"SG62DBSS0011223344556","currency":"SGD","direction":"debit","amountMinor":"3500","bookingDate":"2026-03-09","valueDate":"2026-03-10","bankRef":"DBS-0309-002","text":"Telegraphic transfer charge","reversal":false}',
      '{"account":"SG62DBSS0011223344556","currency":"SGD","direction":"credit","amountMinor":"125040","bookingDate":"2026-03-10","valueDate":"2026-03-10","bankRef":"DBS-0310-001","text":"Invoice INV-2026-0012","party":"Orchard Home Co","reversal":false}',
    ]);
  });

  it("reads a German export: BOM, semicolons, decimal comma, S/H column, RF in the text", () => {
    const result = parseCsv(fixture("csv-de-bank.csv"), CSV_MAPPINGS["de-bank"]!);
    expect(result.transactions.map(toJsonLine)).toEqual([
      '{"account":"DE89370400440532013000","currency":"EUR","direction":"credit","amountMinor":"198000","bookingDate":"2026-03-03","valueDate":"2026-03-03","bankRef":"BR260303000017","ref":"RF16INV20260001","text":"Rechnung INV-2026-0004 RF16 INV2 0260 001","party":"Müller & Söhne KG","reversal":false}',
      '{"account":"DE89370400440532013000","currency":"EUR","direction":"debit","amountMinor":"31245","bookingDate":"2026-03-04","valueDate":"2026-03-05","bankRef":"BR260304000002","text":"Fracht März","party":"Spedition Nord GmbH","reversal":false}',
    ]);
    expect(result.statements).toEqual([{ account: "DE89370400440532013000", currency: "EUR", balanceMismatch: false }]);
  });

  it("uses defaults, MM/DD/YYYY and a CREDIT/DEBIT column", () => {
    const csv = 'Posting Date,Type,Amount,Reference Number,Payer/Payee,Description,Account Number\n03/11/2026,CREDIT,"12,000.00",FED-88121,Great Lakes Supply,INV-2026-0020,771200334\n03/11/2026,debit,15.00,FED-88122,,Wire fee,771200334\n';
    const [credit, debit] = parseCsv(csv, CSV_MAPPINGS["us-bank"]!).transactions;
    expect(credit).toMatchObject({ account: "771200334", currency: "USD", direction: "credit", amountMinor: 1200000n, bookingDate: "2026-03-11", bankRef: "FED-88121" });
    expect(debit).toMatchObject({ direction: "debit", amountMinor: 1500n, text: "Wire fee" });
    expect(debit!.party).toBeUndefined();
  });

  it("reads YYYYMMDD dates, trailing minus signs and parentheses", () => {
    const mapping: CsvMapping = {
      dateFormat: "YYYYMMDD",
      decimalSeparator: ",",
      columns: { amount: "amt", bookingDate: "date", bankRef: "id" },
      defaults: { account: "CH9300762011623852957", currency: "CHF" },
    };
    const result = parseCsv("date;amt;id\n20260312;1.000,5-;A\n20260312;(2,25);B\n20260312;+3;C\n", { ...mapping, delimiter: ";" });
    expect(result.transactions.map((t) => [t.direction, t.amountMinor])).toEqual([
      ["debit", 100050n],
      ["debit", 225n],
      ["credit", 300n],
    ]);
  });

  it("refuses bad rows with the line and column at fault", () => {
    const csv = fixture("csv-generic.csv");
    expect(refusal(() => parseCsv(csv.replace("2026-03-10,,", "2026-13-10,,"), CSV_MAPPINGS.generic!)).params).toMatchObject({
      line: 4,
      element: "Booking Date",
    });
    expect(refusal(() => parseCsv(csv.replace("-35.00", "-35.001"), CSV_MAPPINGS.generic!)).params).toMatchObject({ line: 3, element: "Amount" });
    expect(refusal(() => parseCsv(csv.replace("DBS-0309-002", ""), CSV_MAPPINGS.generic!)).params).toMatchObject({
      line: 3,
      element: "Bank Reference",
    });
    expect(refusal(() => parseCsv(csv.replace("Bank Reference", "Ref"), CSV_MAPPINGS.generic!)).params.element).toBe("Bank Reference");
    expect(refusal(() => parseCsv(csv, CSV_MAPPINGS["de-bank"]!)).code).toBe("csv_malformed");
    const de = fixture("csv-de-bank.csv");
    expect(refusal(() => parseCsv(de.replace(";EUR;S", ";EUR;X"), CSV_MAPPINGS["de-bank"]!)).params).toMatchObject({ line: 3, value: "x" });
  });
});
