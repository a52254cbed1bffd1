import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { feeCharges, fxConversions } from "@/db/schema";
import type { EntryFees, FeeCharge, StatementPosting } from "@/lib/domain/account-statements";
import { bpsToRate } from "@/lib/domain/fees";
import { isUuid } from "@/lib/domain/ledger";
import type { CurrencyCode } from "@/lib/domain/money";

/**
 * What each of the month's entries that took (or gave back) a fee charged, itemized: its fee_charges rows, for a
 * reversal those of the entry it reverses; for an FX conversion, which records its fee on the conversion, that fee.
 * Looked up by entry (fee_charges_entry_idx) and by quote (fx_conversions_quote_key), within the organization.
 */
export async function statementEntryFees(
  executor: Executor,
  { organizationId, currency, postings, feeRevenue }: { organizationId: string; currency: CurrencyCode; postings: readonly StatementPosting[]; feeRevenue: ReadonlyMap<string, bigint> },
): Promise<Map<string, EntryFees>> {
  const charged = postings.filter((posting) => (feeRevenue.get(posting.entryId) ?? 0n) !== 0n);
  const chargesOf = new Map(charged.map((posting) => [posting.entryId, posting.reversesEntryId ?? posting.entryId]));
  const sources = [...new Set(chargesOf.values())];
  const rows =
    sources.length === 0
      ? []
      : await executor
          .select({ entryId: feeCharges.entryId, type: feeCharges.type, basisMinor: feeCharges.basisMinor, rate: feeCharges.rate, amountMinor: feeCharges.amountMinor })
          .from(feeCharges)
          .where(and(inArray(feeCharges.entryId, sources), eq(feeCharges.organizationId, organizationId), eq(feeCharges.currency, currency)))
          .orderBy(asc(feeCharges.entryId), asc(feeCharges.type));
  const bySource = new Map<string, FeeCharge[]>();
  for (const { entryId, ...charge } of rows) bySource.set(entryId, [...(bySource.get(entryId) ?? []), charge]);

  const quotes = [...new Set(charged.filter((p) => p.cause?.type === "fx_quote" && isUuid(p.cause.id) && !bySource.has(chargesOf.get(p.entryId)!)).map((p) => p.cause!.id))];
  const conversions =
    quotes.length === 0
      ? []
      : await executor
          .select({ quoteId: fxConversions.quoteId, feeMinor: fxConversions.feeMinor, feeBps: fxConversions.feeBps, sellAmountMinor: fxConversions.sellAmountMinor })
          .from(fxConversions)
          .where(and(inArray(fxConversions.quoteId, quotes), eq(fxConversions.organizationId, organizationId), eq(fxConversions.sellCurrency, currency)));
  const byQuote = new Map(conversions.map((c) => [c.quoteId, c]));

  const fees = new Map<string, EntryFees>();
  for (const posting of charged) {
    let charges = bySource.get(chargesOf.get(posting.entryId)!) ?? [];
    const conversion = posting.cause?.type === "fx_quote" ? byQuote.get(posting.cause.id) : undefined;
    if (charges.length === 0 && conversion && conversion.feeMinor > 0n) {
      charges = [{ type: "fx_conversion", basisMinor: conversion.sellAmountMinor, rate: bpsToRate(conversion.feeBps), amountMinor: conversion.feeMinor }];
    }
    fees.set(posting.entryId, { feeRevenueMinor: feeRevenue.get(posting.entryId)!, charges });
  }
  return fees;
}
