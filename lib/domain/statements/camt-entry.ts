import { checkCurrency, parseStatementAmount } from "./amount";
import { isRealDate } from "./dates";
import { StatementParseError } from "./errors";
import { chooseRef, cleanText } from "./reference";
import { signedAmount, type StatementTransaction } from "./transaction";
import { all, attribute, one, textAt, textOf, type XmlNode } from "./xml-node";

export interface EntryContext {
  account: string;
  /** Account currency, used when an amount has no Ccy attribute. */
  currency: string;
  /** Fallback for entries without a bank reference (statement id + entry number stays stable across re-imports). */
  statementId: string;
  entryNumber: number;
  line: number;
  element: string;
}

export interface EntryResult {
  /** Only booked entries count; pending (PDNG) and information-only (INFO) entries are skipped. */
  booked: boolean;
  signedMinor: bigint;
  transactions: StatementTransaction[];
}

type Direction = StatementTransaction["direction"];

const DATE = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

function direction(code: string | undefined, ctx: EntryContext, element: string): Direction {
  if (code === "CRDT") return "credit";
  if (code === "DBIT") return "debit";
  throw new StatementParseError(
    code === undefined ? "missing_element" : "invalid_value",
    { line: ctx.line, element, ...(code !== undefined ? { value: code } : {}) },
    code === undefined ? "Missing credit/debit indicator" : `Bad credit/debit indicator "${code}"`,
  );
}

function date(node: XmlNode | undefined, ctx: EntryContext, element: string): string | undefined {
  const raw = textAt(node, "Dt") ?? textAt(node, "DtTm");
  if (raw === undefined) return undefined;
  const match = DATE.exec(raw);
  const day = match?.[1];
  if (!day || !isRealDate(day)) {
    throw new StatementParseError("invalid_value", { line: ctx.line, element, value: raw }, `Bad date "${raw}"`);
  }
  return day;
}

function amount(node: XmlNode | undefined, ctx: EntryContext, element: string): { minor: bigint; currency: string } {
  const text = node ? textOf(node) : undefined;
  if (!node || text === undefined) throw new StatementParseError("missing_element", { line: ctx.line, element }, "Missing amount");
  const currency = checkCurrency(attribute(node, "Ccy") ?? ctx.currency, { line: ctx.line, element });
  return { minor: parseStatementAmount(text, currency, ".", { line: ctx.line, element }), currency };
}

function partyName(parties: XmlNode | undefined, role: "Dbtr" | "Cdtr"): string | undefined {
  return cleanText(textAt(parties, role, "Nm") ?? textAt(parties, role, "Pty", "Nm"));
}

/** ref, text and party of one TxDtls (or of an entry without details). */
function remittance(tx: XmlNode | undefined, dir: Direction, reversal: boolean, fallbackText: string | undefined) {
  const rmtInf = all(tx, "RmtInf");
  const unstructured = cleanText(rmtInf.flatMap((r) => all(r, "Ustrd")).map(textOf).filter(Boolean).join(" "));
  const structured = rmtInf.flatMap((r) => all(r, "Strd")).map((s) => textAt(s, "CdtrRefInf", "Ref"));
  const text = unstructured ?? fallbackText;
  const parties = one(tx, "RltdPties");
  const [own, other] = dir === "credit" ? (["Dbtr", "Cdtr"] as const) : (["Cdtr", "Dbtr"] as const);
  // A reversal may only name the original transfer's counterparty, on the other side.
  const party = partyName(parties, own) ?? (reversal ? partyName(parties, other) : undefined);
  const ref = chooseRef({ structured, texts: [text], endToEndId: textAt(tx, "Refs", "EndToEndId") });
  return { ref, text, party };
}

/** A camt Ntry as transactions: one, or one per TxDtls of a batch booking. */
export function entryTransactions(ntry: XmlNode, ctx: EntryContext): EntryResult {
  const el = (name: string) => `${ctx.element}/${name}`;
  const entryAmount = amount(one(ntry, "Amt"), ctx, el("Amt"));
  const dir = direction(textAt(ntry, "CdtDbtInd"), ctx, el("CdtDbtInd"));
  const reversal = /^(true|1)$/.test(textAt(ntry, "RvslInd") ?? "");
  const status = textAt(ntry, "Sts") ?? textAt(ntry, "Sts", "Cd");
  const booked = status === undefined || status === "BOOK";
  const valueDate = date(one(ntry, "ValDt"), ctx, el("ValDt"));
  const bookingDate = date(one(ntry, "BookgDt"), ctx, el("BookgDt")) ?? valueDate;
  if (bookingDate === undefined) throw new StatementParseError("missing_element", { line: ctx.line, element: el("BookgDt") }, "Entry without a date");
  const entryRef = textAt(ntry, "AcctSvcrRef") ?? textAt(ntry, "NtryRef") ?? `${ctx.statementId}/${ctx.entryNumber}`;
  const entryText = cleanText(textAt(ntry, "AddtlNtryInf"));
  const base = { account: ctx.account, bookingDate, valueDate: valueDate ?? bookingDate, reversal };
  const entrySigned = signedAmount({ direction: dir, amountMinor: entryAmount.minor });
  const details = all(ntry, "NtryDtls").flatMap((d) => all(d, "TxDtls"));

  const whole = (tx: XmlNode | undefined): EntryResult => ({
    booked,
    signedMinor: entrySigned,
    transactions: [
      {
        ...base,
        currency: entryAmount.currency,
        direction: dir,
        amountMinor: entryAmount.minor,
        bankRef: entryRef,
        ...definedOnly(remittance(tx, dir, reversal, entryText)),
      },
    ],
  });

  if (details.length <= 1) return whole(details[0]);

  const amounts = details.map((tx, i) => {
    const node = one(tx, "Amt") ?? one(tx, "AmtDtls", "TxAmt", "Amt");
    const found = node && textOf(node) !== undefined ? amount(node, ctx, el(`NtryDtls/TxDtls[${i + 1}]/Amt`)) : undefined;
    return found?.currency === entryAmount.currency ? found.minor : undefined;
  });
  // Without an amount in the account's currency for every transaction the batch cannot be split: keep it whole.
  if (amounts.some((a) => a === undefined)) return whole(undefined);

  const txRefs = details.map((tx) => textAt(tx, "Refs", "AcctSvcrRef"));
  const refsUsable = txRefs.every((r) => r !== undefined && r !== entryRef) && new Set(txRefs).size === txRefs.length;
  const transactions = details.map((tx, i): StatementTransaction => {
    const txCode = textAt(tx, "CdtDbtInd");
    const txDir = txCode === undefined ? dir : direction(txCode, ctx, el(`NtryDtls/TxDtls[${i + 1}]/CdtDbtInd`));
    return {
      ...base,
      currency: entryAmount.currency,
      direction: txDir,
      amountMinor: amounts[i]!,
      bankRef: refsUsable ? txRefs[i]! : `${entryRef}/${i + 1}`,
      ...definedOnly(remittance(tx, txDir, reversal, undefined)),
    };
  });
  const total = transactions.reduce((sum, tx) => sum + signedAmount(tx), 0n);
  if (total !== entrySigned) {
    throw new StatementParseError(
      "batch_sum_mismatch",
      { line: ctx.line, element: el("NtryDtls") },
      "The batch's transactions do not add up to the entry's amount",
    );
  }
  return { booked, signedMinor: entrySigned, transactions };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
