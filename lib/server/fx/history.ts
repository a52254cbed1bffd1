import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { csvLines } from "@/lib/domain/csv/cell";
import { fxConversions, users } from "@/db/schema";
import { isCurrencyCode, toDecimalString } from "@/lib/domain/money";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";
import { endOfLocalDate, startOfLocalDate } from "@/lib/domain/time/local-day";

/** The history filter as it travels in the URL: every field a string, empty meaning "any". */
export const conversionSearchSchema = z.object({
  currency: z.string().trim().toUpperCase().max(3).default("").refine((c) => c === "" || isCurrencyCode(c), "validation.choice"),
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
  /** Keyset cursor: "<createdAt ISO>_<id>" of the last row shown. */
  after: z.string().max(80).regex(/^[0-9T:.\-Z]+_[0-9a-f-]{36}$/).or(z.literal("")).default(""),
});
export type ConversionSearch = z.output<typeof conversionSearchSchema>;

export interface ConversionFilter {
  currency?: string;
  from?: Date;
  to?: Date;
}

/** Days start at midnight in China. */
export function toConversionFilter(search: ConversionSearch): ConversionFilter {
  const filter: ConversionFilter = {};
  if (search.currency) filter.currency = search.currency;
  if (search.from) filter.from = startOfLocalDate(search.from);
  if (search.to) filter.to = endOfLocalDate(search.to);
  return filter;
}

function conditions(organizationId: string, filter: ConversionFilter, after?: string): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(fxConversions.organizationId, organizationId)];
  if (filter.currency) parts.push(or(eq(fxConversions.sellCurrency, filter.currency), eq(fxConversions.buyCurrency, filter.currency)));
  if (filter.from) parts.push(gte(fxConversions.createdAt, filter.from));
  if (filter.to) parts.push(lt(fxConversions.createdAt, filter.to));
  if (after) {
    const [at, id] = after.split("_") as [string, string];
    const when = new Date(at);
    if (!Number.isNaN(when.getTime())) {
      parts.push(or(lt(fxConversions.createdAt, when), and(eq(fxConversions.createdAt, when), lt(fxConversions.id, id))));
    }
  }
  return and(...parts);
}

const columns = {
  id: fxConversions.id,
  createdAt: fxConversions.createdAt,
  entryId: fxConversions.entryId,
  quoteId: fxConversions.quoteId,
  sellCurrency: fxConversions.sellCurrency,
  buyCurrency: fxConversions.buyCurrency,
  mid: fxConversions.mid,
  customerRate: fxConversions.customerRate,
  spreadBps: fxConversions.spreadBps,
  feeBps: fxConversions.feeBps,
  sellAmountMinor: fxConversions.sellAmountMinor,
  feeMinor: fxConversions.feeMinor,
  sellTotalMinor: fxConversions.sellTotalMinor,
  buyAmountMinor: fxConversions.buyAmountMinor,
  cnyEquivalentMinor: fxConversions.cnyEquivalentMinor,
  convertedByName: users.name,
  convertedByEmail: users.email,
};

export type ConversionRow = Awaited<ReturnType<typeof listConversions>>["rows"][number];

/** One page of the organization's conversions, newest first, with the cursor of the next page. */
export async function listConversions(organizationId: string, filter: ConversionFilter, after?: string, limit = 50, executor: Executor = db()) {
  const rows = await executor
    .select(columns)
    .from(fxConversions)
    .innerJoin(users, eq(users.id, fxConversions.convertedBy))
    .where(conditions(organizationId, filter, after))
    .orderBy(desc(fxConversions.createdAt), desc(fxConversions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? `${last.createdAt.toISOString()}_${last.id}` : null };
}

const CSV_COLUMNS = [
  "conversion_id",
  "created_at",
  "sell_currency",
  "sell_amount",
  "fee",
  "sell_total",
  "buy_currency",
  "buy_amount",
  "mid_rate",
  "customer_rate",
  "spread_bps",
  "fee_bps",
  "cny_equivalent",
  "converted_by",
  "entry_id",
  "quote_id",
];

function csvRow(row: ConversionRow): string[] {
  return [
    row.id,
    row.createdAt.toISOString(),
    row.sellCurrency,
    toDecimalString(row.sellAmountMinor, row.sellCurrency),
    toDecimalString(row.feeMinor, row.sellCurrency),
    toDecimalString(row.sellTotalMinor, row.sellCurrency),
    row.buyCurrency,
    toDecimalString(row.buyAmountMinor, row.buyCurrency),
    row.mid,
    row.customerRate,
    String(row.spreadBps),
    String(row.feeBps),
    toDecimalString(row.cnyEquivalentMinor, "CNY"),
    row.convertedByEmail,
    row.entryId,
    row.quoteId,
  ];
}

/** Every conversion matching the filter as CSV, page by page, newest first. */
export async function* conversionsCsv(organizationId: string, filter: ConversionFilter): AsyncGenerator<string> {
  yield csvLines([CSV_COLUMNS]);
  let after: string | undefined;
  do {
    const page = await listConversions(organizationId, filter, after, 500);
    if (page.rows.length > 0) yield csvLines(page.rows.map(csvRow));
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}

/** Authorizes and audits a CSV export of the conversion history; the route streams it. */
export const exportConversionsAction = defineAction({
  name: "fx.exportConversions",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: conversionSearchSchema.extend({ org: z.string() }),
  async handler(ctx, { org: _org, after: _after, ...search }) {
    ctx.audit(null, { filter: search });
    return { organizationId: ctx.organization.id, filter: toConversionFilter({ ...search, after: "" }) };
  },
});

/** One conversion of the organization, or null (also when it is another organization's). */
export async function organizationConversion(organizationId: string, conversionId: string) {
  if (!z.uuid().safeParse(conversionId).success) return null;
  const [row] = await db()
    .select(columns)
    .from(fxConversions)
    .innerJoin(users, eq(users.id, fxConversions.convertedBy))
    .where(and(eq(fxConversions.id, conversionId), eq(fxConversions.organizationId, organizationId)));
  return row ?? null;
}
