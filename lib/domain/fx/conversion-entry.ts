import type { EntryLine } from "../ledger";
import { type CurrencyCode, toDecimalString } from "../money";
import type { QuotePrice } from "./quote";

export type ConversionAmounts = Pick<QuotePrice, "customerRate" | "sellAmountMinor" | "feeMinor" | "sellTotalMinor" | "buyAmountMinor">;

/** "USD 100.00 → CNY 712.34 @ 7.1234": what a conversion entry says it did. */
export function conversionDescription(sell: CurrencyCode, buy: CurrencyCode, amounts: ConversionAmounts): string {
  return `${sell} ${toDecimalString(amounts.sellAmountMinor, sell)} → ${buy} ${toDecimalString(amounts.buyAmountMinor, buy)} @ ${amounts.customerRate}`;
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
