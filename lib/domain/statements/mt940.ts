import { accountFromField25 } from "./account";
import { checkCurrency, parseStatementAmount } from "./amount";
import { isRealDate } from "./dates";
import { StatementParseError } from "./errors";
import { parseMt940Info } from "./mt940-info";
import { chooseRef } from "./reference";
import { BalanceCheck, signedAmount, type StatementSummary, type StatementTransaction } from "./transaction";

interface Field {
  tag: string;
  lines: string[];
  line: number;
}

interface OpenStatement {
  reference: string;
  number?: string;
  account?: string;
  currency?: string;
  balance: BalanceCheck;
  lines: number;
  pending?: { field: Field; info?: Field };
}

const TAG_LINE = /^:(\d{2}[A-Z]?):(.*)$/;
const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d+,\d*)$/;
// value date, [entry date MMDD], C/D/RC/RD, [funds code], amount, type (N/F/S + 3), references.
const MOVEMENT: Record<string, "credit" | "debit"> = { C: "credit", D: "debit", RC: "debit", RD: "credit" };
const STATEMENT_LINE = /^(\d{6})(\d{4})?(R?[CD])([A-Z])?(\d+,\d*)([A-Z][A-Z0-9]{3})(.*)$/;

function fail(line: number, element: string, message: string, value?: string): never {
  throw new StatementParseError("mt940_malformed", { line, element, ...(value !== undefined ? { value } : {}) }, message);
}

function isoDate(yymmdd: string, line: number, element: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const iso = `${yy < 70 ? 2000 + yy : 1900 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return isRealDate(iso) ? iso : fail(line, element, `Bad date "${yymmdd}"`, yymmdd);
}

/**
 * The entry date (MMDD) in the year that puts it closest to the value date: "1231" with value date 2026-01-02 is
 * 2025. Years without the date (29 February) are skipped.
 */
function entryDate(mmdd: string, valueDate: string, line: number): string {
  const year = Number(valueDate.slice(0, 4));
  const value = Date.parse(`${valueDate}T00:00:00Z`);
  const candidates = [year - 1, year, year + 1].map((y) => `${y}-${mmdd.slice(0, 2)}-${mmdd.slice(2, 4)}`).filter(isRealDate);
  if (candidates.length === 0) fail(line, ":61:", `Bad entry date "${mmdd}"`, mmdd);
  const distance = (iso: string) => Math.abs(Date.parse(`${iso}T00:00:00Z`) - value);
  return candidates.reduce((best, c) => (distance(c) < distance(best) ? c : best));
}

/**
 * SWIFT MT940, one line at a time: several statements (:20: … :62F:) per file, optionally inside SWIFT blocks
 * ({1:…}{2:…}{4: … -}). A :61: line is complete once the next field begins, since its :86: follows it.
 */
export class Mt940Reader {
  private statement?: OpenStatement;
  private field?: Field;
  private lineNumber = 0;
  private statements = 0;

  constructor(private readonly onStatement: (summary: StatementSummary) => void = () => {}) {}

  pushLine(rawLine: string): StatementTransaction[] {
    this.lineNumber++;
    let line = rawLine.replace(/\r$/, "");
    if (line.startsWith("{")) {
      const block4 = line.indexOf("{4:");
      if (block4 === -1) return [];
      line = line.slice(block4 + 3);
    }
    if (line.trim() === "-" || line.startsWith("-}")) return this.flushField();
    if (line.trim() === "") return [];
    const tag = TAG_LINE.exec(line);
    if (tag) {
      const out = this.flushField();
      this.field = { tag: tag[1]!, lines: [tag[2]!], line: this.lineNumber };
      return out;
    }
    if (!this.field) {
      // Bank-specific preambles between messages (e.g. "ABNANL2A" / "940") carry nothing we need.
      if (!this.statement) return [];
      fail(this.lineNumber, "line", "Text outside any MT940 field", line.slice(0, 40));
    }
    this.field.lines.push(line);
    return [];
  }

  end(): StatementTransaction[] {
    const out = this.flushField();
    if (this.statement) fail(this.lineNumber, ":62F:", "Statement ends without a closing balance :62F:");
    if (this.statements === 0) fail(this.lineNumber, ":20:", "No MT940 statement found");
    return out;
  }

  private flushField(): StatementTransaction[] {
    const field = this.field;
    this.field = undefined;
    return field ? this.apply(field) : [];
  }

  private apply(field: Field): StatementTransaction[] {
    const { tag } = field;
    const first = field.lines[0]!.trim();
    if (tag === "20") {
      if (this.statement) fail(field.line, ":62F:", "Statement ends without a closing balance :62F:");
      this.statements++;
      this.statement = { reference: first, balance: new BalanceCheck(), lines: 0 };
      return [];
    }
    const s = this.statement;
    if (!s) {
      // Fields after :62F: (:64:, :65:, a statement-level :86:) belong to the statement just closed.
      if (["64", "65", "86"].includes(tag) && this.statements > 0) return [];
      fail(field.line, `:${tag}:`, `Field :${tag}: before :20:`);
    }
    switch (tag) {
      case "25":
        s.account = accountFromField25(first);
        return [];
      case "28C":
      case "28":
        s.number = first;
        return [];
      case "60F":
      case "60M":
        s.balance.opening = this.balance(s, field);
        return [];
      case "61": {
        const out = this.flushPending(s);
        s.pending = { field };
        return out;
      }
      case "86":
        if (s.pending && !s.pending.info) s.pending.info = field;
        return [];
      case "62F":
      case "62M": {
        const out = this.flushPending(s);
        s.balance.closing = this.balance(s, field);
        if (!s.account) fail(field.line, ":25:", "Statement without an account :25:");
        this.onStatement(s.balance.summary(s.account, s.currency!));
        this.statement = undefined;
        return out;
      }
      default:
        return [];
    }
  }

  private balance(s: OpenStatement, field: Field): bigint {
    const element = `:${field.tag}:`;
    const match = BALANCE.exec(field.lines.join("").trim());
    if (!match) fail(field.line, element, "Bad balance: expected C/D, YYMMDD, currency and amount", field.lines[0]);
    const [, mark, date, code, amount] = match;
    isoDate(date!, field.line, element);
    const currency = checkCurrency(code!, { line: field.line, element });
    if (s.currency && s.currency !== currency) fail(field.line, element, `Currency ${currency} differs from the statement's ${s.currency}`);
    s.currency = currency;
    const magnitude = parseStatementAmount(amount!, currency, ",", { line: field.line, element });
    return mark === "D" ? -magnitude : magnitude;
  }

  private flushPending(s: OpenStatement): StatementTransaction[] {
    const pending = s.pending;
    s.pending = undefined;
    if (!pending) return [];
    const tx = this.transaction(s, pending.field, pending.info);
    s.balance.add(signedAmount(tx));
    return [tx];
  }

  private transaction(s: OpenStatement, field: Field, info: Field | undefined): StatementTransaction {
    const { line } = field;
    if (!s.account) fail(line, ":25:", "Statement line before the account :25:");
    if (!s.currency) fail(line, ":60F:", "Statement line before the opening balance :60F:");
    const match = STATEMENT_LINE.exec(field.lines[0]!.trim());
    if (!match) fail(line, ":61:", "Bad statement line", field.lines[0]);
    const [, value, entry, mark, , amount, , references = ""] = match;
    s.lines++;
    const valueDate = isoDate(value!, line, ":61:");
    const bookingDate = entry ? entryDate(entry, valueDate, line) : valueDate;
    // RC is the reversal of a credit, so money going out (a debit entry); RD the reversal of a debit (a credit entry).
    const direction = MOVEMENT[mark!]!;
    const [customerPart = "", ...bankParts] = references.split("//");
    const customerRef = customerPart.trim();
    const bankRef = bankParts.join("//").trim().slice(0, 16) || undefined;
    const details = parseMt940Info(info?.lines ?? [], direction);
    const customer = customerRef && customerRef.toUpperCase() !== "NONREF" ? customerRef : undefined;
    const ref = chooseRef({
      structured: [details.structuredRef],
      texts: [details.text],
      endToEndId: details.endToEndId ?? customer,
    });
    return {
      account: s.account,
      currency: s.currency,
      direction,
      amountMinor: parseStatementAmount(amount!, s.currency, ",", { line, element: ":61:" }),
      bookingDate,
      valueDate,
      // Without a bank reference the statement's own reference, number and line position stay stable on re-import.
      bankRef: bankRef ?? customer ?? `${s.reference}/${s.number ?? ""}/${s.lines}`,
      ...(ref !== undefined ? { ref } : {}),
      ...(details.text !== undefined ? { text: details.text } : {}),
      ...(details.party !== undefined ? { party: details.party } : {}),
      reversal: mark!.startsWith("R"),
    };
  }
}

export interface Mt940Result {
  format: "mt940";
  statements: StatementSummary[];
  transactions: StatementTransaction[];
}

export function parseMt940(content: string): Mt940Result {
  const statements: StatementSummary[] = [];
  const reader = new Mt940Reader((s) => statements.push(s));
  const transactions: StatementTransaction[] = [];
  for (const line of content.split("\n")) transactions.push(...reader.pushLine(line));
  transactions.push(...reader.end());
  return { format: "mt940", statements, transactions };
}

export async function* parseMt940Stream(
  lines: AsyncIterable<string>,
  onStatement?: (summary: StatementSummary) => void,
): AsyncGenerator<StatementTransaction> {
  const reader = new Mt940Reader(onStatement);
  for await (const line of lines) yield* reader.pushLine(line);
  yield* reader.end();
}
