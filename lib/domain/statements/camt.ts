import { checkCurrency, parseStatementAmount } from "./amount";
import { entryTransactions } from "./camt-entry";
import { StatementParseError } from "./errors";
import { BalanceCheck, type StatementSummary, type StatementTransaction } from "./transaction";
import { attribute, one, parseFragment, textAt, textOf, type XmlNode } from "./xml-node";
import { type ScanEvent, XmlFragmentScanner } from "./xml-scanner";

export type CamtFormat = "camt.053" | "camt.054";

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[34])\.001\.\d{2}$/;
const CONTAINER: Record<CamtFormat, { message: string; statement: string }> = {
  "camt.053": { message: "BkToCstmrStmt", statement: "Stmt" },
  "camt.054": { message: "BkToCstmrDbtCdtNtfctn", statement: "Ntfctn" },
};

interface OpenStatement {
  number: number;
  id?: string;
  account?: string;
  currency?: string;
  balance: BalanceCheck;
  entries: number;
}

/** Refuses DTDs and entity declarations anywhere in the text, including across chunk boundaries. */
export class DtdGuard {
  private carry = "";
  check(chunk: string): void {
    const probe = this.carry + chunk;
    if (/<!\s*(DOCTYPE|ENTITY)/i.test(probe)) {
      throw new StatementParseError("xml_dtd_refused", {}, "XML with a DTD or entity declarations is refused");
    }
    this.carry = probe.slice(-16);
  }
}

/**
 * camt.053 statements / camt.054 notifications, fed in chunks. The scanner cuts out each direct child of Stmt
 * (Acct, Bal, Ntry …) so that only one entry is parsed and held at a time.
 */
export class CamtReader {
  format?: CamtFormat;
  private readonly guard = new DtdGuard();
  // Decided while scanning, before the root's namespace is looked at: Stmt/Ntfctn are checked against it later.
  private readonly scanner = new XmlFragmentScanner(
    (path) => path.length === 4 || (path.length === 3 && path[2] !== "Stmt" && path[2] !== "Ntfctn"),
  );
  private statement?: OpenStatement;
  private statementCount = 0;

  constructor(private readonly onStatement: (summary: StatementSummary) => void = () => {}) {}

  push(chunk: string): StatementTransaction[] {
    this.guard.check(chunk);
    return this.handle(this.scanner.push(chunk));
  }

  end(): StatementTransaction[] {
    const transactions = this.handle(this.scanner.end());
    if (!this.format) throw new StatementParseError("xml_not_camt", {}, "Not a camt.053 or camt.054 document");
    return transactions;
  }

  private handle(events: ScanEvent[]): StatementTransaction[] {
    const out: StatementTransaction[] = [];
    for (const event of events) {
      if (event.type === "open") this.open(event.path, event.tag, event.line);
      else if (event.type === "close") this.close(event.path, event.line);
      else out.push(...this.fragment(event.path, event.xml, event.line));
    }
    return out;
  }

  private open(path: readonly string[], tag: string, line: number): void {
    const name = path.at(-1)!;
    if (path.length === 1) {
      const namespace = /\sxmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? "";
      const format = NAMESPACE.exec(namespace)?.[1] as CamtFormat | undefined;
      if (name !== "Document" || !format) {
        throw new StatementParseError("xml_not_camt", { line, element: name, value: namespace }, "Not a camt.053 or camt.054 document");
      }
      this.format = format;
    } else if (path.length === 2) {
      const expected = CONTAINER[this.format!].message;
      if (name !== expected) throw new StatementParseError("xml_not_camt", { line, element: name }, `Expected ${expected} in a ${this.format}`);
    } else if (path.length === 3) {
      const expected = CONTAINER[this.format!].statement;
      if (name !== expected) throw new StatementParseError("xml_not_camt", { line, element: name }, `Expected ${expected} in a ${this.format}`);
      this.statementCount++;
      this.statement = { number: this.statementCount, balance: new BalanceCheck(), entries: 0 };
    }
  }

  private close(path: readonly string[], line: number): void {
    if (path.length !== 3 || !this.statement) return;
    const { account, currency, balance } = this.requireHeader(line);
    this.onStatement(balance.summary(account, currency));
    this.statement = undefined;
  }

  private elementName(name: string): string {
    const s = this.statement!;
    const base = `${CONTAINER[this.format!].statement}[${s.number}]`;
    return name === "Ntry" ? `${base}/Ntry[${s.entries}]` : `${base}/${name}`;
  }

  private requireHeader(line: number): { account: string; currency: string; balance: BalanceCheck } {
    const s = this.statement!;
    if (!s.account) throw new StatementParseError("missing_element", { line, element: this.elementName("Acct/Id") }, "Statement without an account");
    if (!s.currency) throw new StatementParseError("missing_element", { line, element: this.elementName("Acct/Ccy") }, "Statement without a currency");
    return { account: s.account, currency: s.currency, balance: s.balance };
  }

  private fragment(path: readonly string[], xml: string, line: number): StatementTransaction[] {
    const s = this.statement;
    const name = path.at(-1)!;
    if (name === "Ntry" && s) s.entries++;
    const element = s ? this.elementName(name) : path.join("/");
    const node = one(parseFragment(xml, line, element), name);
    if (!s || !node) return [];
    if (name === "Id") s.id = textOf(node);
    else if (name === "Acct") this.account(s, node, line, element);
    else if (name === "Bal") this.balance(s, node, line, element);
    else if (name === "Ntry") {
      s.currency ??= attribute(one(node, "Amt"), "Ccy");
      const { account, currency, balance } = this.requireHeader(line);
      const result = entryTransactions(node, {
        account,
        currency,
        statementId: s.id ?? `${CONTAINER[this.format!].statement}${s.number}`,
        entryNumber: s.entries,
        line,
        element,
      });
      if (!result.booked) return [];
      balance.add(result.signedMinor);
      return result.transactions;
    }
    return [];
  }

  private account(s: OpenStatement, node: XmlNode, line: number, element: string): void {
    const id = textAt(node, "Id", "IBAN") ?? textAt(node, "Id", "Othr", "Id");
    if (!id) throw new StatementParseError("missing_element", { line, element: `${element}/Id` }, "Account without an IBAN or other id");
    s.account = id.replace(/\s+/g, "");
    const currency = textAt(node, "Ccy");
    if (currency) s.currency = checkCurrency(currency, { line, element: `${element}/Ccy` });
  }

  private balance(s: OpenStatement, node: XmlNode, line: number, element: string): void {
    const code = textAt(node, "Tp", "CdOrPrtry", "Cd");
    if (code !== "OPBD" && code !== "PRCD" && code !== "CLBD") return;
    const amountNode = one(node, "Amt");
    const currency = checkCurrency(attribute(amountNode, "Ccy") ?? s.currency ?? "", { line, element: `${element}/Amt` });
    s.currency ??= currency;
    const text = textAt(node, "Amt");
    if (!text) throw new StatementParseError("missing_element", { line, element: `${element}/Amt` }, "Balance without an amount");
    const magnitude = parseStatementAmount(text, currency, ".", { line, element: `${element}/Amt` });
    const indicator = textAt(node, "CdtDbtInd");
    if (indicator !== "CRDT" && indicator !== "DBIT") {
      throw new StatementParseError("invalid_value", { line, element: `${element}/CdtDbtInd`, value: indicator ?? "" }, "Balance indicator is neither CRDT nor DBIT");
    }
    const signed = indicator === "DBIT" ? -magnitude : magnitude;
    if (code === "CLBD") s.balance.closing = signed;
    else s.balance.opening ??= signed;
  }
}

export interface CamtResult {
  format: CamtFormat;
  statements: StatementSummary[];
  transactions: StatementTransaction[];
}

/** A whole camt.053/054 document; all or nothing. */
export function parseCamt(xml: string): CamtResult {
  const statements: StatementSummary[] = [];
  const reader = new CamtReader((s) => statements.push(s));
  const transactions = [...reader.push(xml), ...reader.end()];
  return { format: reader.format!, statements, transactions };
}

/** Transactions as the chunks arrive; `onStatement` hears each statement's summary when it closes. */
export async function* parseCamtStream(
  chunks: AsyncIterable<string>,
  onStatement?: (summary: StatementSummary) => void,
): AsyncGenerator<StatementTransaction> {
  const reader = new CamtReader(onStatement);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}
