import { addDays } from "../invoices/dates";
import { quotientInTenths } from "./tenths";

/**
 * The tooltip text. The standard (period-end) DSO: what is still owed at the end of the period, measured in days of
 * that period's credit sales. Both amounts in CNY equivalent; credit sales are the invoices issued in the period.
 */
export const DSO_FORMULA = {
  en: "DSO = open receivables at the end of the period ÷ credit sales (invoices issued) in the period × days in the period. Amounts in CNY equivalent; the period is the last 90 days.",
  "zh-CN": "应收账款周转天数（DSO）= 期末未收应收账款 ÷ 期内赊销额（期内开出的发票）× 期内天数。金额均按人民币等值计算；期间为最近 90 天。",
} as const;

export const DSO_PERIOD_DAYS = 90;

/** The period ending on (and including) the as-of date. */
export function dsoPeriod(asOf: string, days = DSO_PERIOD_DAYS): { from: string; to: string; days: number } {
  if (!Number.isInteger(days) || days <= 0) throw new RangeError(`A period has a whole positive number of days, got ${days}`);
  return { from: addDays(asOf, -(days - 1)), to: asOf, days };
}

export interface DsoInput {
  /** Open receivables at the end of the period, CNY fen. */
  readonly openReceivablesCnyMinor: bigint;
  /** Invoices issued in the period, CNY fen. */
  readonly creditSalesCnyMinor: bigint;
  readonly periodDays: number;
}

/** Days with one decimal, rounded half-even; no figure when nothing was sold on credit in the period (shown as "—"). */
export type DsoResult = { readonly kind: "days"; readonly days: string } | { readonly kind: "no_credit_sales" };

/** receivables ÷ sales × days, to one decimal, computed exactly in integers. */
export function dso({ openReceivablesCnyMinor, creditSalesCnyMinor, periodDays }: DsoInput): DsoResult {
  if (openReceivablesCnyMinor < 0n || creditSalesCnyMinor < 0n) throw new RangeError("DSO amounts must not be negative");
  if (!Number.isInteger(periodDays) || periodDays <= 0) throw new RangeError(`A period has a whole positive number of days, got ${periodDays}`);
  if (creditSalesCnyMinor === 0n) return { kind: "no_credit_sales" };
  return { kind: "days", days: quotientInTenths(openReceivablesCnyMinor * BigInt(periodDays), creditSalesCnyMinor) };
}
