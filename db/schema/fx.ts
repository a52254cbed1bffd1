import { sql } from "drizzle-orm";
import { bigint, bigserial, char, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { StoredPricingTier } from "../../lib/domain/fx/pricing";
import { users } from "./auth";
import { journalEntries } from "./ledger";
import { organizations } from "./organizations";

/**
 * Every reference rate ever stored: 1 `base` = `rate` `quote`, as of `as_of`, from `source` (`ecb`, `manual`,
 * `demo-snapshot`). Nothing is overwritten; the newest row of a pair is its current rate.
 */
export const fxRates = pgTable(
  "fx_rates",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    base: char("base", { length: 3 }).notNull(),
    quote: char("quote", { length: 3 }).notNull(),
    rate: numeric("rate").notNull(),
    asOf: timestamp("as_of", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
    /** The platform admin who entered it by hand; null for imports. */
    enteredBy: uuid("entered_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("fx_rates_observation_key").on(t.source, t.base, t.quote, t.asOf),
    index("fx_rates_pair_newest_idx").on(t.base, t.quote, t.asOf.desc(), t.id.desc()),
    check("fx_rates_positive", sql`${t.rate} > 0`),
    check("fx_rates_pair", sql`${t.base} <> ${t.quote}`),
  ],
);

/** An organization's FX pricing, set by platform admins; DEFAULT_PRICING (lib/domain/fx) where there is none. */
export const fxPricing = pgTable("fx_pricing", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  tiers: jsonb("tiers").$type<StoredPricingTier[]>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A price given to one member of one organization, good until `expires_at`; accepted at most once. */
export const fxQuotes = pgTable(
  "fx_quotes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").notNull().references(() => users.id),
    sellCurrency: char("sell_currency", { length: 3 }).notNull(),
    buyCurrency: char("buy_currency", { length: 3 }).notNull(),
    /** Which amount the member typed: `sell` or `buy`. */
    side: text("side").notNull(),
    mid: numeric("mid").notNull(),
    customerRate: numeric("customer_rate").notNull(),
    spreadBps: integer("spread_bps").notNull(),
    feeBps: integer("fee_bps").notNull(),
    sellAmountMinor: bigint("sell_amount_minor", { mode: "bigint" }).notNull(),
    feeMinor: bigint("fee_minor", { mode: "bigint" }).notNull(),
    sellTotalMinor: bigint("sell_total_minor", { mode: "bigint" }).notNull(),
    buyAmountMinor: bigint("buy_amount_minor", { mode: "bigint" }).notNull(),
    /** The conversion's worth in CNY at the mid: what limits and tiers are measured in. */
    cnyEquivalentMinor: bigint("cny_equivalent_minor", { mode: "bigint" }).notNull(),
    rateAsOf: timestamp("rate_as_of", { withTimezone: true }).notNull(),
    rateSource: text("rate_source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (t) => [
    index("fx_quotes_org_idx").on(t.organizationId, t.createdAt),
    check("fx_quotes_side", sql`${t.side} in ('sell', 'buy')`),
    check("fx_quotes_amounts", sql`${t.sellAmountMinor} > 0 and ${t.buyAmountMinor} > 0 and ${t.feeMinor} >= 0`),
  ],
);

/** A quote accepted: one balanced ledger entry, at most one per quote. */
export const fxConversions = pgTable(
  "fx_conversions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    quoteId: uuid("quote_id").notNull().references(() => fxQuotes.id),
    entryId: uuid("entry_id").notNull().references(() => journalEntries.id),
    convertedBy: uuid("converted_by").notNull().references(() => users.id),
    sellCurrency: char("sell_currency", { length: 3 }).notNull(),
    buyCurrency: char("buy_currency", { length: 3 }).notNull(),
    mid: numeric("mid").notNull(),
    customerRate: numeric("customer_rate").notNull(),
    spreadBps: integer("spread_bps").notNull(),
    feeBps: integer("fee_bps").notNull(),
    sellAmountMinor: bigint("sell_amount_minor", { mode: "bigint" }).notNull(),
    feeMinor: bigint("fee_minor", { mode: "bigint" }).notNull(),
    sellTotalMinor: bigint("sell_total_minor", { mode: "bigint" }).notNull(),
    buyAmountMinor: bigint("buy_amount_minor", { mode: "bigint" }).notNull(),
    cnyEquivalentMinor: bigint("cny_equivalent_minor", { mode: "bigint" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("fx_conversions_quote_key").on(t.quoteId),
    index("fx_conversions_org_idx").on(t.organizationId, t.createdAt.desc(), t.id.desc()),
    index("fx_conversions_member_day_idx").on(t.organizationId, t.convertedBy, t.createdAt),
  ],
);

/** What an organization tells us of its margins, for the sensitivity view: a target margin or a CNY cost base. */
export const exposureSettings = pgTable(
  "exposure_settings",
  {
    organizationId: uuid("organization_id")
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Margin on open receivables at today's rate, in basis points (500 = 5 %). */
    targetMarginBps: integer("target_margin_bps"),
    /** What the goods behind the open receivables cost, in CNY minor units. */
    costBaseCnyMinor: bigint("cost_base_cny_minor", { mode: "bigint" }),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("exposure_settings_margin", sql`${t.targetMarginBps} is null or (${t.targetMarginBps} > -10000 and ${t.targetMarginBps} < 10000)`),
    check("exposure_settings_cost", sql`${t.costBaseCnyMinor} is null or ${t.costBaseCnyMinor} >= 0`),
  ],
);
