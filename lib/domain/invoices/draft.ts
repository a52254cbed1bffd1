import { parseAmount, type CurrencyCode } from "@/lib/domain/money";
import { isIsoDate } from "./dates";
import { isValidHsCode, normalizeHsCode } from "./hs-code";
import { isLineAmountTooLarge, parseQuantity, parseUnitPrice } from "./lines";
import { isIncoterm, isInvoiceCurrency, type Incoterm } from "./reference-data";
import { FULL_BPS, percentToBps, termsProblem, type DueAnchor, type PaymentTerms } from "./terms";
import { invoiceTotals, type InvoiceTotals } from "./totals";

export const MAX_LINES = 200;
export const TEXT_LIMITS = { description: 500, unit: 20, notes: 2000, place: 120, billOfLadingNumber: 40 } as const;

export type IssueCode = "required" | "format" | "choice" | "too_many_decimals" | "too_large" | "too_long" | "zero" | "negative_total" | "share";

export interface DraftIssue {
  path: (string | number)[];
  code: IssueCode;
}

/** Payment terms as a form sends them: every field a string; which ones count depends on `kind`. */
export interface TermsInput {
  kind: string;
  days?: string;
  anchor?: string;
  depositPercent?: string;
  depositDays?: string;
  balanceDays?: string;
  balanceAnchor?: string;
}

export interface LineInput {
  description: string;
  hsCode?: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}

/** An invoice draft as typed. */
export interface DraftInput {
  buyerId: string;
  currency: string;
  issueDate: string;
  lines: LineInput[];
  discount?: string;
  freight?: string;
  insurance?: string;
  otherCharges?: string;
  terms: TermsInput;
  incoterm?: string;
  incotermPlace?: string;
  portOfLoading?: string;
  portOfDischarge?: string;
  billOfLadingNumber?: string;
  billOfLadingDate?: string;
  notes?: string;
}

export interface DraftLine {
  position: number;
  description: string;
  hsCode: string | null;
  quantity: string;
  unit: string;
  unitPrice: string;
  amountMinor: bigint;
}

/** What is stored: checked, normalized, with its exact totals. */
export interface InvoiceDraft {
  buyerId: string;
  currency: CurrencyCode;
  issueDate: string;
  lines: DraftLine[];
  totals: InvoiceTotals;
  terms: PaymentTerms;
  incoterm: Incoterm | null;
  incotermPlace: string | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  billOfLadingNumber: string | null;
  billOfLadingDate: string | null;
  notes: string | null;
}

export type DraftResult = { ok: true; draft: InvoiceDraft } | { ok: false; issues: DraftIssue[] };

const optionalText = (value: string | undefined): string | null => {
  const text = (value ?? "").trim();
  return text === "" ? null : text;
};

function parseDays(value: string | undefined): number | null {
  const text = (value ?? "").trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  return Number(text);
}

const parseAnchor = (value: string | undefined): DueAnchor | null =>
  value === "issue" || value === "bill_of_lading" ? value : null;

/** Terms from form fields, with the problems found at their field paths (under `prefix`). */
export function parseTermsInput(input: TermsInput, prefix: (string | number)[] = ["terms"]): { terms: PaymentTerms | null; issues: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  const days = (field: keyof TermsInput) => {
    const parsed = parseDays(input[field]);
    if (parsed === null) issues.push({ path: [...prefix, field], code: (input[field] ?? "").trim() === "" ? "required" : "format" });
    return parsed;
  };
  const anchor = (field: keyof TermsInput) => {
    const parsed = parseAnchor(input[field]);
    if (parsed === null) issues.push({ path: [...prefix, field], code: "choice" });
    return parsed;
  };
  let terms: PaymentTerms | null = null;
  if (input.kind === "single") {
    const d = days("days");
    const a = anchor("anchor");
    if (d !== null && a !== null) terms = { kind: "single", days: d, anchor: a };
  } else if (input.kind === "deposit_balance") {
    const bps = percentToBps(input.depositPercent ?? "");
    if (bps === null || bps <= 0 || bps >= FULL_BPS) {
      issues.push({ path: [...prefix, "depositPercent"], code: (input.depositPercent ?? "").trim() === "" ? "required" : "share" });
    }
    const depositDays = days("depositDays");
    const balanceDays = days("balanceDays");
    const balanceAnchor = anchor("balanceAnchor");
    if (issues.length === 0) {
      terms = { kind: "deposit_balance", depositBps: bps!, depositDays: depositDays!, balanceDays: balanceDays!, balanceAnchor: balanceAnchor! };
    }
  } else {
    issues.push({ path: [...prefix, "kind"], code: "choice" });
  }
  if (terms && termsProblem(terms) !== null) {
    issues.push({ path: [...prefix, terms.kind === "single" ? "days" : "balanceDays"], code: "too_large" });
    terms = null;
  }
  return { terms, issues };
}

/** Terms back into form fields (for editing a draft or a buyer). */
export function termsToInput(terms: PaymentTerms): TermsInput {
  switch (terms.kind) {
    case "single":
      return { kind: "single", days: String(terms.days), anchor: terms.anchor };
    case "deposit_balance":
      return {
        kind: "deposit_balance",
        depositPercent: String(terms.depositBps / 100),
        depositDays: String(terms.depositDays),
        balanceDays: String(terms.balanceDays),
        balanceAnchor: terms.balanceAnchor,
      };
    case "schedule":
      // The form offers single and deposit/balance; a schedule is edited as net terms of its last part.
      return { kind: "single", days: String(terms.parts.at(-1)!.days), anchor: terms.parts.at(-1)!.anchor };
  }
}

function checkLength(issues: DraftIssue[], path: (string | number)[], value: string | null, max: number): void {
  if (value !== null && value.length > max) issues.push({ path, code: "too_long" });
}

/** Checks a whole draft and computes its totals; every problem is reported at its field, nothing half-accepted. */
export function validateDraft(input: DraftInput): DraftResult {
  const issues: DraftIssue[] = [];
  const currency = input.currency.trim().toUpperCase();
  const currencyOk = isInvoiceCurrency(currency);
  if (!currencyOk) issues.push({ path: ["currency"], code: "choice" });
  if (input.buyerId.trim() === "") issues.push({ path: ["buyerId"], code: "required" });
  if (!isIsoDate(input.issueDate)) issues.push({ path: ["issueDate"], code: input.issueDate ? "format" : "required" });

  if (input.lines.length === 0) issues.push({ path: ["lines"], code: "required" });
  if (input.lines.length > MAX_LINES) issues.push({ path: ["lines"], code: "too_large" });
  const lines: DraftLine[] = [];
  input.lines.forEach((line, index) => {
    const at = (field: string) => ["lines", index, field];
    const description = line.description.trim();
    if (description === "") issues.push({ path: at("description"), code: "required" });
    checkLength(issues, at("description"), description, TEXT_LIMITS.description);
    const unit = line.unit.trim();
    if (unit === "") issues.push({ path: at("unit"), code: "required" });
    checkLength(issues, at("unit"), unit, TEXT_LIMITS.unit);
    const hsCode = optionalText(line.hsCode);
    if (hsCode !== null && !isValidHsCode(hsCode)) issues.push({ path: at("hsCode"), code: "format" });
    const quantity = parseQuantity(line.quantity);
    if (!quantity.ok) issues.push({ path: at("quantity"), code: quantity.error });
    const price = currencyOk ? parseUnitPrice(line.unitPrice, currency) : null;
    if (price && !price.ok) issues.push({ path: at("unitPrice"), code: price.error });
    if (quantity.ok && price?.ok) {
      const amountMinor = invoiceTotals(currency, [{ quantity: quantity.value, unitPrice: price.value }]).subtotalMinor;
      if (isLineAmountTooLarge(amountMinor)) issues.push({ path: at("unitPrice"), code: "too_large" });
      lines.push({ position: index + 1, description, hsCode: hsCode && normalizeHsCode(hsCode), quantity: quantity.value, unit, unitPrice: price.value, amountMinor });
    }
  });

  const adjustments = { discountMinor: 0n, freightMinor: 0n, insuranceMinor: 0n, otherChargesMinor: 0n };
  if (currencyOk) {
    for (const [field, key] of [["discount", "discountMinor"], ["freight", "freightMinor"], ["insurance", "insuranceMinor"], ["otherCharges", "otherChargesMinor"]] as const) {
      const text = (input[field] ?? "").trim();
      if (text === "") continue;
      const parsed = parseAmount(text, currency, { allowZero: true });
      if (parsed.ok) adjustments[key] = parsed.amountMinor;
      else issues.push({ path: [field], code: parsed.error === "too_many_decimals" || parsed.error === "too_large" ? parsed.error : "format" });
    }
  }

  const { terms, issues: termIssues } = parseTermsInput(input.terms);
  issues.push(...termIssues);

  const incotermText = (input.incoterm ?? "").trim().toUpperCase();
  if (incotermText !== "" && !isIncoterm(incotermText)) issues.push({ path: ["incoterm"], code: "choice" });
  const texts = {
    incotermPlace: optionalText(input.incotermPlace),
    portOfLoading: optionalText(input.portOfLoading),
    portOfDischarge: optionalText(input.portOfDischarge),
    billOfLadingNumber: optionalText(input.billOfLadingNumber),
    notes: optionalText(input.notes),
  };
  checkLength(issues, ["incotermPlace"], texts.incotermPlace, TEXT_LIMITS.place);
  checkLength(issues, ["portOfLoading"], texts.portOfLoading, TEXT_LIMITS.place);
  checkLength(issues, ["portOfDischarge"], texts.portOfDischarge, TEXT_LIMITS.place);
  checkLength(issues, ["billOfLadingNumber"], texts.billOfLadingNumber, TEXT_LIMITS.billOfLadingNumber);
  checkLength(issues, ["notes"], texts.notes, TEXT_LIMITS.notes);
  const billOfLadingDate = optionalText(input.billOfLadingDate);
  if (billOfLadingDate !== null && !isIsoDate(billOfLadingDate)) issues.push({ path: ["billOfLadingDate"], code: "format" });

  if (issues.length > 0 || !terms) return { ok: false, issues };
  const totals = invoiceTotals(currency, lines, adjustments);
  if (totals.totalMinor < 0n) return { ok: false, issues: [{ path: ["discount"], code: "negative_total" }] };
  return {
    ok: true,
    draft: {
      buyerId: input.buyerId.trim(),
      currency,
      issueDate: input.issueDate,
      lines,
      totals,
      terms,
      incoterm: incotermText === "" ? null : (incotermText as Incoterm),
      ...texts,
      billOfLadingDate,
    },
  };
}
