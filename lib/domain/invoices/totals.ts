import type { CurrencyCode } from "@/lib/domain/money";
import { lineAmountMinor } from "./lines";

export interface PricedLine {
  /** Plain decimal strings, already checked by parseQuantity / parseUnitPrice. */
  quantity: string;
  unitPrice: string;
}

export interface Adjustments {
  discountMinor: bigint;
  freightMinor: bigint;
  insuranceMinor: bigint;
  otherChargesMinor: bigint;
}

export interface InvoiceTotals extends Adjustments {
  lineAmountsMinor: bigint[];
  subtotalMinor: bigint;
  totalMinor: bigint;
}

export const NO_ADJUSTMENTS: Adjustments = { discountMinor: 0n, freightMinor: 0n, insuranceMinor: 0n, otherChargesMinor: 0n };

/** Lines rounded one by one, then: total = subtotal − discount + freight + insurance + other charges (exact). */
export function invoiceTotals(currency: CurrencyCode, lines: readonly PricedLine[], adjustments: Adjustments = NO_ADJUSTMENTS): InvoiceTotals {
  const lineAmountsMinor = lines.map((line) => lineAmountMinor(line.quantity, line.unitPrice, currency));
  const subtotalMinor = lineAmountsMinor.reduce((acc, amount) => acc + amount, 0n);
  const totalMinor =
    subtotalMinor - adjustments.discountMinor + adjustments.freightMinor + adjustments.insuranceMinor + adjustments.otherChargesMinor;
  return { ...adjustments, lineAmountsMinor, subtotalMinor, totalMinor };
}
