import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor, type Transaction } from "@/db/client";
import { fxConversions, fxQuotes, type memberships, type organizations } from "@/db/schema";
import { amountCurrency, cnyEquivalent, conversionDescription, conversionEntryLines, isQuoteExpired, priceQuote, quoteExpiresAt, systemClock, type Clock, type QuoteSide } from "@/lib/domain/fx";
import { isCurrencyCode, parseAmount, toDecimalString } from "@/lib/domain/money";
import { localDateOf } from "@/lib/domain/time/local-day";
import { postEntry } from "../ledger";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { assertOrganizationApproved } from "../kyb";
import { quoteTtlMs } from "./config";
import { assertWithinLimits } from "./limits";
import { loadPricing } from "./pricing";
import { freshRate, loadRateBook } from "./rates";

type Organization = typeof organizations.$inferSelect;
type Membership = typeof memberships.$inferSelect;

export interface QuoteInput {
  sellCurrency: string;
  buyCurrency: string;
  side: QuoteSide;
  amountMinor: bigint;
}

/** Who converts: the organization, the member (whose limits apply) and a clock. */
export interface ConvertingMember {
  organization: Organization;
  membership: Membership;
  now?: Date;
}

/**
 * Prices a conversion for a member and stores the quote: newest rate (refused when missing or stale), the
 * organization's spread tier for its CNY equivalent, fee, exact amounts, expiry. Checks KYB approval and the limits
 * early so the member hears of a refusal before accepting; acceptance checks them again.
 */
export async function createQuote(tx: Transaction, who: ConvertingMember, input: QuoteInput) {
  const now = who.now ?? systemClock();
  const { tier } = await assertOrganizationApproved({ tx, organization: who.organization });
  if (input.sellCurrency === input.buyCurrency) throw new ActionError("fx_same_currency");
  const book = await loadRateBook(tx);
  const rate = freshRate(book, input.sellCurrency, input.buyCurrency, now);
  // The CNY equivalent at the mid, from whichever side is (or converts best into) CNY.
  const typedCurrency = amountCurrency(input);
  const toCny = typedCurrency === "CNY" ? null : freshRate(book, typedCurrency, "CNY", now);
  const typedCny = cnyEquivalent(input.amountMinor, typedCurrency, toCny?.mid ?? "1");
  const pricing = await loadPricing(tx, who.organization.id, localDateOf(now));
  const price = priceQuote(input, rate.mid, pricing, typedCny);
  const sellToCny = input.sellCurrency === "CNY" ? null : freshRate(book, input.sellCurrency, "CNY", now);
  const cnyEquivalentMinor = cnyEquivalent(price.sellTotalMinor, input.sellCurrency, sellToCny?.mid ?? "1");
  await assertWithinLimits(tx, { organizationId: who.organization.id, membership: who.membership, tier, cnyMinor: cnyEquivalentMinor, now });
  const [quote] = await tx
    .insert(fxQuotes)
    .values({
      organizationId: who.organization.id,
      requestedBy: who.membership.userId,
      sellCurrency: input.sellCurrency,
      buyCurrency: input.buyCurrency,
      side: input.side,
      mid: price.mid,
      customerRate: price.customerRate,
      spreadBps: price.spreadBps,
      feeBps: price.feeBps,
      sellAmountMinor: price.sellAmountMinor,
      feeMinor: price.feeMinor,
      sellTotalMinor: price.sellTotalMinor,
      buyAmountMinor: price.buyAmountMinor,
      cnyEquivalentMinor,
      rateAsOf: rate.asOf,
      rateSource: rate.source,
      createdAt: now,
      expiresAt: quoteExpiresAt(now, quoteTtlMs()),
    })
    .returning();
  return quote!;
}

/**
 * Accepts a quote: one balanced ledger entry (sold currency out of the available balance into the platform's FX
 * position, plus the fee to fee revenue; bought currency out of the FX position into the available balance) with the
 * quote as its idempotency key, and the conversion row. Conversions of one organization run one at a time, so that
 * two accepts of the same quote give one conversion and concurrent ones cannot pass a daily limit together.
 */
export async function acceptQuote(tx: Transaction, who: ConvertingMember, quoteId: string) {
  const now = who.now ?? systemClock();
  const organizationId = who.organization.id;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`fx-convert:${organizationId}`}, 0))`);
  const [quote] = await tx
    .select()
    .from(fxQuotes)
    .where(and(eq(fxQuotes.id, quoteId), eq(fxQuotes.organizationId, organizationId)))
    .for("update");
  // Another organization's quote answers exactly like one that does not exist.
  if (!quote) throw new ActionError("not_found");
  if (quote.acceptedAt) throw new ActionError("fx_quote_used");
  if (isQuoteExpired(quote.expiresAt, now)) throw new ActionError("fx_quote_expired");
  if (quote.requestedBy !== who.membership.userId) throw new ActionError("fx_quote_other_member");
  const { tier } = await assertOrganizationApproved({ tx, organization: who.organization });
  await assertWithinLimits(tx, { organizationId, membership: who.membership, tier, cnyMinor: quote.cnyEquivalentMinor, now });

  const sell = quote.sellCurrency;
  const buy = quote.buyCurrency;
  const posted = await postEntry(tx, {
    organizationId,
    idempotencyKey: `fx-quote:${quote.id}`,
    type: "fx_conversion",
    description: conversionDescription(sell, buy, quote),
    cause: { type: "fx_quote", id: quote.id },
    createdBy: who.membership.userId,
    lines: conversionEntryLines(organizationId, sell, buy, quote),
  });
  const [conversion] = await tx
    .insert(fxConversions)
    .values({
      organizationId,
      quoteId: quote.id,
      entryId: posted.entryId,
      convertedBy: who.membership.userId,
      sellCurrency: sell,
      buyCurrency: buy,
      mid: quote.mid,
      customerRate: quote.customerRate,
      spreadBps: quote.spreadBps,
      feeBps: quote.feeBps,
      sellAmountMinor: quote.sellAmountMinor,
      feeMinor: quote.feeMinor,
      sellTotalMinor: quote.sellTotalMinor,
      buyAmountMinor: quote.buyAmountMinor,
      cnyEquivalentMinor: quote.cnyEquivalentMinor,
      createdAt: now,
    })
    .returning();
  await tx.update(fxQuotes).set({ acceptedAt: now }).where(eq(fxQuotes.id, quote.id));
  return conversion!;
}

/** One quote of the organization, or null (also when it is another organization's). */
export async function organizationQuote(organizationId: string, quoteId: string, executor: Executor = db()) {
  if (!z.uuid().safeParse(quoteId).success) return null;
  const [quote] = await executor.select().from(fxQuotes).where(and(eq(fxQuotes.id, quoteId), eq(fxQuotes.organizationId, organizationId)));
  if (!quote) return null;
  const [conversion] = await executor.select({ id: fxConversions.id }).from(fxConversions).where(eq(fxConversions.quoteId, quote.id));
  return { ...quote, conversionId: conversion?.id ?? null };
}

const currencyField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => code.length === 3 && isCurrencyCode(code), "validation.choice");

export const requestQuoteAction = defineAction({
  name: "fx.requestQuote",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({
    org: z.string(),
    sellCurrency: currencyField,
    buyCurrency: currencyField,
    side: z.enum(["sell", "buy"]),
    amount: z.string().trim().max(40),
  }),
  async handler(ctx, input) {
    const currency = input.side === "sell" ? input.sellCurrency : input.buyCurrency;
    const amount = parseAmount(input.amount, currency);
    if (!amount.ok) throw new ActionError(`amount_${amount.error}`, { field: "amount" });
    const quote = await createQuote(ctx.tx, { organization: ctx.organization, membership: ctx.membership }, { ...input, amountMinor: amount.amountMinor });
    ctx.audit(`fx_quote:${quote.id}`, {
      sell: `${quote.sellCurrency} ${toDecimalString(quote.sellTotalMinor, quote.sellCurrency)}`,
      buy: `${quote.buyCurrency} ${toDecimalString(quote.buyAmountMinor, quote.buyCurrency)}`,
      mid: quote.mid,
      customerRate: quote.customerRate,
    });
    return { quoteId: quote.id, expiresAt: quote.expiresAt.toISOString() };
  },
});

/** Converting moves money: owners and finance only, with a fresh second factor. */
export const acceptQuoteAction = defineAction({
  name: "fx.acceptQuote",
  access: { kind: "org", roles: MONEY_ROLES },
  stepUp: true,
  input: z.object({ org: z.string(), quoteId: z.uuid() }),
  async handler(ctx, input) {
    const conversion = await acceptQuote(ctx.tx, { organization: ctx.organization, membership: ctx.membership }, input.quoteId);
    ctx.audit(`fx_conversion:${conversion.id}`, {
      quoteId: input.quoteId,
      entryId: conversion.entryId,
      sold: `${conversion.sellCurrency} ${toDecimalString(conversion.sellTotalMinor, conversion.sellCurrency)}`,
      bought: `${conversion.buyCurrency} ${toDecimalString(conversion.buyAmountMinor, conversion.buyCurrency)}`,
      customerRate: conversion.customerRate,
      spreadBps: conversion.spreadBps,
      feeMinor: conversion.feeMinor.toString(),
    });
    return { conversionId: conversion.id, entryId: conversion.entryId };
  },
});
