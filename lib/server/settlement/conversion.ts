import type { Transaction } from "@/db/client";
import { cnyEquivalent, conversionEntryLines, conversionParams, type QuotePrice } from "@/lib/domain/fx";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import { priceSettlementConversion } from "@/lib/domain/settlement";
import { chinaDate } from "../fees/collection-volumes";
import { loadPricing } from "../fx/pricing";
import { freshRate, loadRateBook } from "../fx/rates";
import { postEntry } from "../ledger";

export interface SettlementConversion {
  entryId: string;
  price: QuotePrice;
}

/**
 * Converts a batch's due amount for a payout in another currency, as the platform (no member, so no member limits):
 * the newest rate (refused when missing or stale, like a member's quote), the organization's FX pricing tier for the
 * amount's CNY worth, and one ledger entry shaped like a member's conversion, keyed by the batch.
 */
export async function convertForSettlement(
  tx: Transaction,
  input: { organizationId: string; batchId: string; currency: string; payoutCurrency: string; dueMinor: bigint; now: Date },
): Promise<SettlementConversion> {
  const { organizationId, currency: sell, payoutCurrency: buy, now } = input;
  const book = await loadRateBook(tx);
  const rate = freshRate(book, sell, buy, now);
  const toCny = buy === "CNY" ? rate : freshRate(book, sell, "CNY", now);
  const price = priceSettlementConversion({
    dueMinor: input.dueMinor,
    sellCurrency: sell,
    buyCurrency: buy,
    mid: rate.mid,
    pricing: await loadPricing(tx, organizationId, chinaDate(now)),
    cnyEquivalentMinor: cnyEquivalent(input.dueMinor, sell, toCny.mid),
  });
  const { entryId } = await postEntry(tx, {
    organizationId,
    idempotencyKey: `settlement-fx:${input.batchId}`,
    type: "fx_conversion",
    description: describeEntry("settlementConversion", conversionParams(sell, buy, price)),
    cause: { type: "settlement_batch", id: input.batchId },
    lines: conversionEntryLines(organizationId, sell, buy, price),
  });
  return { entryId, price };
}
