import { and, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { buyers, disputes, invoices, organizations } from "@/db/schema";
import type { DisputeCategory, DisputeOutcome, RootCause } from "@/lib/domain/disputes";

export const LIBRARY_PAGE_SIZE = 25;

export interface LibraryFilters {
  /** Words looked for in the case number, description, buyer's claim, decision, buyer and invoice number. */
  q?: string;
  category?: DisputeCategory;
  rootCause?: RootCause;
  outcome?: DisputeOutcome;
  /** A factory's own library; every organization's (staff) when absent. */
  organizationId?: string;
}

/** `%`, `_` and `\` match themselves in a search. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The case library: closed and withdrawn cases, searchable by words (every word must match somewhere) and by
 * category, root cause and outcome, newest decision first.
 */
export async function caseLibrary(filters: LibraryFilters, page = 1, executor: Executor = db()) {
  const words = (filters.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const where = and(
    inArray(disputes.status, ["closed", "withdrawn"]),
    filters.organizationId ? eq(disputes.organizationId, filters.organizationId) : undefined,
    filters.category ? eq(disputes.category, filters.category) : undefined,
    filters.rootCause ? eq(disputes.rootCause, filters.rootCause) : undefined,
    filters.outcome ? eq(disputes.outcome, filters.outcome) : undefined,
    ...words.map((word) => {
      const pattern = likePattern(word);
      return or(
        ilike(disputes.number, pattern),
        ilike(disputes.description, pattern),
        ilike(disputes.buyerClaim, pattern),
        ilike(disputes.decisionNote, pattern),
        ilike(buyers.name, pattern),
        ilike(invoices.number, pattern),
      );
    }),
  );
  const safePage = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const [rows, [counted]] = await Promise.all([
    executor
      .select({
        id: disputes.id,
        number: disputes.number,
        organizationName: organizations.name,
        organizationSlug: organizations.slug,
        buyerName: buyers.name,
        buyerCountry: buyers.country,
        invoiceNumber: invoices.number,
        category: disputes.category,
        tier: disputes.tier,
        outcome: disputes.outcome,
        rootCause: disputes.rootCause,
        currency: disputes.currency,
        disputedMinor: disputes.disputedMinor,
        buyerShareMinor: disputes.buyerShareMinor,
        factoryShareMinor: disputes.factoryShareMinor,
        openedAt: disputes.openedAt,
        decidedAt: disputes.decidedAt,
        closedAt: disputes.closedAt,
        decisionNote: disputes.decisionNote,
      })
      .from(disputes)
      .innerJoin(organizations, eq(organizations.id, disputes.organizationId))
      .innerJoin(buyers, eq(buyers.id, disputes.buyerId))
      .leftJoin(invoices, eq(invoices.id, disputes.invoiceId))
      .where(where)
      .orderBy(desc(disputes.decidedAt), desc(disputes.id))
      .limit(LIBRARY_PAGE_SIZE)
      .offset((safePage - 1) * LIBRARY_PAGE_SIZE),
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(disputes)
      .innerJoin(buyers, eq(buyers.id, disputes.buyerId))
      .leftJoin(invoices, eq(invoices.id, disputes.invoiceId))
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0, page: safePage, pageSize: LIBRARY_PAGE_SIZE };
}

export type LibraryRow = Awaited<ReturnType<typeof caseLibrary>>["rows"][number];
