import type { EntryLine } from "../ledger";
import { describeEntry } from "../ledger/descriptions";
import { type CurrencyCode, toDecimalString } from "../money";
import type { QuotePrice } from "./quote";

export type ConversionAmounts = Pick<QuotePrice, "customerRate" | "sellAmountMinor" | "feeMinor" | "sellTotalMinor" | "buyAmountMinor">;

/** What a conversion sold and bought ("USD 100.00", "CNY 712.34") and at which rate, for its entry's description. */
export function conversionParams(sell: CurrencyCode, buy: CurrencyCode, amounts: ConversionAmounts): { sold: string; bought: string; rate: string } {
  return { sold: `${sell} ${toDecimalString(amounts.sellAmountMinor, sell)}`, bought: `${buy} ${toDecimalString(amounts.buyAmountMinor, buy)}`, rate: amounts.customerRate };
}

/** "USD 100.00 → CNY 712.34 @ 7.1234": what a member's conversion entry says it did. */
export function conversionDescription(sell: CurrencyCode, buy: CurrencyCode, amounts: ConversionAmounts): string {
  return describeEntry("fxConversion", conversionParams(sell, buy, amounts));
}

/**
 * A conversion's ledger lines: the sold total out of the organization's available balance, the converted amount into
 * the platform's FX position and the fee (when there is one) to fee revenue; the bought amount out of the FX position
 * into the available balance. Member conversions and settlement conversions post the same lines.
 */
export function conversionEntryLines(organizationId: string, sell: CurrencyCode, buy: CurrencyCode, amounts: ConversionAmounts): EntryLine[] {
  return [
    { account: { organizationId, kind: "available", currency: sell }, amountMinor: -amounts.sellTotalMinor },
    { account: { organizationId: null, kind: "fx_position", currency: sell }, amountMinor: amounts.sellAmountMinor },
    ...(amounts.feeMinor > 0n ? [{ account: { organizationId: null, kind: "fee_revenue" as const, currency: sell }, amountMinor: amounts.feeMinor }] : []),
    { account: { organizationId: null, kind: "fx_position", currency: buy }, amountMinor: -amounts.buyAmountMinor },
    { account: { organizationId, kind: "available", currency: buy }, amountMinor: amounts.buyAmountMinor },
  ];
}
