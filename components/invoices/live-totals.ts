import { invoiceTotals, isInvoiceCurrency, parseQuantity, parseUnitPrice, type Adjustments, type InvoiceTotals } from "@/lib/domain/invoices";
import { parseAmount } from "@/lib/domain/money";

export interface EditorLine {
  key: number;
  description: string;
  hsCode: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}

export interface EditorAdjustments {
  discount: string;
  freight: string;
  insurance: string;
  otherCharges: string;
}

export interface LiveTotals {
  /** Each line's amount, or null while its quantity or price cannot be read. */
  lineAmounts: (bigint | null)[];
  /** Null while any line or charge cannot be read. */
  totals: InvoiceTotals | null;
}

function charge(text: string, currency: string): bigint | null {
  if (text.trim() === "") return 0n;
  const parsed = parseAmount(text, currency, { allowZero: true });
  return parsed.ok ? parsed.amountMinor : null;
}

/** The editor's totals, computed with the same domain code the server stores them with. */
export function liveTotals(currency: string, lines: EditorLine[], adjustments: EditorAdjustments): LiveTotals {
  if (!isInvoiceCurrency(currency)) return { lineAmounts: lines.map(() => null), totals: null };
  const priced = lines.map((line) => {
    const quantity = parseQuantity(line.quantity);
    const price = parseUnitPrice(line.unitPrice, currency);
    return quantity.ok && price.ok ? { quantity: quantity.value, unitPrice: price.value } : null;
  });
  const lineAmounts = priced.map((line) => (line ? invoiceTotals(currency, [line]).subtotalMinor : null));
  const charges = {
    discountMinor: charge(adjustments.discount, currency),
    freightMinor: charge(adjustments.freight, currency),
    insuranceMinor: charge(adjustments.insurance, currency),
    otherChargesMinor: charge(adjustments.otherCharges, currency),
  };
  if (priced.some((line) => line === null) || Object.values(charges).some((value) => value === null)) return { lineAmounts, totals: null };
  return {
    lineAmounts,
    totals: invoiceTotals(currency, priced as { quantity: string; unitPrice: string }[], charges as Adjustments),
  };
}
