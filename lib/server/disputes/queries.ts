import { aliasedTable, and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import {
  buyers,
  disputeEvents,
  disputeEvidence,
  disputeMessages,
  disputes,
  incomingPayments,
  invoices,
  journalEntries,
  journalLines,
  ledgerAccounts,
  organizations,
  users,
} from "@/db/schema";
import {
  deadlines,
  DISPUTE_STATUSES,
  isUndecided,
  nextDeadline,
  type DeadlineKind,
  type DisputeCategory,
  type DisputeStatus,
  type DisputeTier,
  type EscalationReason,
} from "@/lib/domain/disputes";
import { organizationDisputeListSchema, type OrganizationDisputeList, type QueueSearch } from "@/lib/domain/disputes/list-search";
import { now } from "../clock";
import { afterCursor, decodeCursor, encodeCursor, keysetOrder, type SortKey } from "../lists/keyset";
import { DISPUTE_STAFF } from "./access";
import { disputeByBuyerToken } from "./buyer-link";
import { timelineOf, type Dispute } from "./case";

const UNDECIDED = DISPUTE_STATUSES.filter(isUndecided);
const DECIDED = DISPUTE_STATUSES.filter((status) => !isUndecided(status));

const assignee = aliasedTable(users, "assignee");

const rowColumns = {
  id: disputes.id,
  number: disputes.number,
  organizationId: disputes.organizationId,
  organizationName: organizations.name,
  organizationSlug: organizations.slug,
  buyerId: disputes.buyerId,
  buyerName: buyers.name,
  buyerCountry: buyers.country,
  category: disputes.category,
  tier: disputes.tier,
  status: disputes.status,
  currency: disputes.currency,
  disputedMinor: disputes.disputedMinor,
  reservedMinor: disputes.reservedMinor,
  reserveShortfallMinor: disputes.reserveShortfallMinor,
  assigneeId: disputes.assigneeId,
  assigneeName: assignee.name,
  openedAt: disputes.openedAt,
  tierEnteredAt: disputes.tierEnteredAt,
  firstResponseAt: disputes.firstResponseAt,
  proposedAt: disputes.proposedAt,
  decidedAt: disputes.decidedAt,
  nextDueAt: disputes.nextDueAt,
  breachedAt: disputes.breachedAt,
  breachCount: disputes.breachCount,
  outcome: disputes.outcome,
};

export interface DisputeRow extends Omit<RawRow, "firstResponseAt" | "proposedAt" | "decidedAt"> {
  /** Which deadline `nextDueAt` is. */
  nextDueKind: DeadlineKind | null;
  /** A deadline of the current tier is past (the queue's flag). */
  breachedNow: boolean;
  /** Any deadline of any tier was missed. */
  everBreached: boolean;
}

function toRow(raw: RawRow, at: Date): DisputeRow {
  const { firstResponseAt, proposedAt, decidedAt, ...rest } = raw;
  const timeline = timelineOf({ tier: raw.tier, tierEnteredAt: raw.tierEnteredAt, firstResponseAt, proposedAt, decidedAt });
  return {
    ...rest,
    nextDueKind: decidedAt === null ? (nextDeadline(timeline)?.kind ?? null) : null,
    breachedNow: raw.nextDueAt !== null && raw.nextDueAt < at,
    everBreached: raw.breachedAt !== null || (raw.nextDueAt !== null && raw.nextDueAt < at),
  };
}

type RawRow = Omit<Awaited<ReturnType<typeof rowsQuery>>[number], "position">;

/** The list rows matching `where`, each with its place in the list's order as text (for the keyset cursor). */
function rowsQuery(executor: Executor, where: SQL | undefined, position: SQL<string>) {
  return executor
    .select({ ...rowColumns, position })
    .from(disputes)
    .innerJoin(organizations, eq(organizations.id, disputes.organizationId))
    .innerJoin(buyers, eq(buyers.id, disputes.buyerId))
    .leftJoin(assignee, eq(assignee.id, disputes.assigneeId))
    .where(where);
}

function statusCondition(status: DisputeStatus | "undecided" | "decided" | undefined): SQL | undefined {
  if (status === "undecided") return inArray(disputes.status, UNDECIDED);
  if (status === "decided") return inArray(disputes.status, DECIDED);
  return status ? eq(disputes.status, status) : undefined;
}

export interface QueueFilters {
  tier?: DisputeTier;
  category?: DisputeCategory;
  /** Default: every undecided case. */
  status?: DisputeStatus | "undecided" | "decided";
  organizationId?: string;
  /** Only cases with a deadline missed (now or before). */
  breached?: boolean;
  assignee?: "me" | "unassigned";
  viewerId: string;
}

/** The queue's filters as its URL carries them (empty meaning "any"); the cursor is the caller's. */
export function queueFilters(search: QueueSearch, viewerId: string): QueueFilters {
  return {
    viewerId,
    status: search.status,
    tier: search.tier || undefined,
    category: search.category || undefined,
    organizationId: search.organization || undefined,
    breached: search.breached === "1",
    assignee: search.assignee || undefined,
  };
}

export const QUEUE_PAGE_SIZE = 50;

/** The queue's place of a case as text, exact to the microsecond: next deadline ('' when none), tier entry. */
const queuePosition = sql<string>`coalesce(${disputes.nextDueAt}::text, '') || '|' || ${disputes.tierEnteredAt}::text`;

/** A timestamptz as PostgreSQL prints it (`2026-11-27 09:30:00.123456+00`). */
const POSTGRES_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/** After the cursor in the queue's order: deadlines ascending, cases without one last, then tier entry and id. */
function afterQueueCursor(after: string): SQL | undefined {
  const cursor = decodeCursor(after);
  const [due, entered] = cursor?.value.split("|") ?? [];
  const isTime = (text: string | undefined) => text !== undefined && POSTGRES_TIMESTAMPTZ.test(text);
  if (!cursor || due === undefined || (due !== "" && !isTime(due)) || !isTime(entered)) return undefined;
  const tail = sql`(${disputes.tierEnteredAt}, ${disputes.id}) > (${entered}::timestamptz, ${cursor.id}::uuid)`;
  if (due === "") return sql`(${disputes.nextDueAt} is null and ${tail})`;
  const at = sql`${due}::timestamptz`;
  return sql`(${disputes.nextDueAt} is null or ${disputes.nextDueAt} > ${at} or (${disputes.nextDueAt} = ${at} and ${tail}))`;
}

/**
 * One page of the agents' queue: nearest deadline first, cases without a running timer last, then the oldest tier
 * entry; keyset-paged on that order, with the next page's cursor.
 */
export async function disputeQueue(
  filters: QueueFilters & { after?: string },
  executor: Executor = db(),
  limit = QUEUE_PAGE_SIZE,
): Promise<{ rows: DisputeRow[]; nextCursor: string | null }> {
  const at = await now(executor);
  const conditions = [
    statusCondition(filters.status ?? "undecided"),
    filters.tier ? eq(disputes.tier, filters.tier) : undefined,
    filters.category ? eq(disputes.category, filters.category) : undefined,
    filters.organizationId ? eq(disputes.organizationId, filters.organizationId) : undefined,
    filters.breached ? or(isNotNull(disputes.breachedAt), lt(disputes.nextDueAt, at)) : undefined,
    filters.assignee === "me" ? eq(disputes.assigneeId, filters.viewerId) : filters.assignee === "unassigned" ? isNull(disputes.assigneeId) : undefined,
    filters.after ? afterQueueCursor(filters.after) : undefined,
  ];
  const rows = await rowsQuery(executor, and(...conditions), queuePosition)
    .orderBy(sql`${disputes.nextDueAt} asc nulls last`, asc(disputes.tierEnteredAt), asc(disputes.id))
    .limit(limit + 1);
  const last = rows[limit - 1];
  return {
    rows: rows.slice(0, limit).map(({ position: _position, ...row }) => toRow(row, at)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.position, last.id) : null,
  };
}

/** Counts for the queue's header. */
export async function queueCounts(executor: Executor = db()) {
  const at = await now(executor);
  const [row] = await executor
    .select({
      undecided: sql<number>`count(*)::int`,
      unassigned: sql<number>`count(*) filter (where ${disputes.assigneeId} is null)::int`,
      breachedNow: sql<number>`count(*) filter (where ${disputes.nextDueAt} < ${at.toISOString()}::timestamptz)::int`,
      L1: sql<number>`count(*) filter (where ${disputes.tier} = 'L1')::int`,
      L2: sql<number>`count(*) filter (where ${disputes.tier} = 'L2')::int`,
      L3: sql<number>`count(*) filter (where ${disputes.tier} = 'L3')::int`,
    })
    .from(disputes)
    .where(inArray(disputes.status, UNDECIDED));
  return { undecided: row!.undecided, unassigned: row!.unassigned, breachedNow: row!.breachedNow, byTier: { L1: row!.L1, L2: row!.L2, L3: row!.L3 } as Record<DisputeTier, number> };
}

/** Each order of the factory's list (disputes_org_opened_idx for the default one). */
const ORGANIZATION_SORT_KEYS: Record<OrganizationDisputeList["sort"], SortKey> = {
  opened: { expression: sql`${disputes.openedAt}`, type: "timestamptz" },
  amount: { expression: sql`${disputes.disputedMinor}`, type: "bigint" },
};

/** One page of an organization's cases in the chosen order (newest first by default), with the next page's cursor. */
export async function organizationDisputePage(
  organizationId: string,
  search: OrganizationDisputeList = organizationDisputeListSchema.parse({}),
  limit = 50,
  executor: Executor = db(),
): Promise<{ rows: DisputeRow[]; nextCursor: string | null }> {
  const at = await now(executor);
  const key = ORGANIZATION_SORT_KEYS[search.sort];
  const cursor = decodeCursor(search.after);
  const where = and(
    eq(disputes.organizationId, organizationId),
    statusCondition(search.status || undefined),
    search.category ? eq(disputes.category, search.category) : undefined,
    cursor ? afterCursor(key, sql`${disputes.id}`, search.dir, cursor) : undefined,
  );
  const rows = await rowsQuery(executor, where, sql<string>`${key.expression}::text`)
    .orderBy(keysetOrder(key, sql`${disputes.id}`, search.dir))
    .limit(limit + 1);
  const last = rows[limit - 1];
  return {
    rows: rows.slice(0, limit).map(({ position: _position, ...row }) => toRow(row, at)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.position, last.id) : null,
  };
}

/** The organizations that have cases, for the queue's filter. */
export function disputeOrganizations(executor: Executor = db()) {
  return executor
    .selectDistinct({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .innerJoin(disputes, eq(disputes.organizationId, organizations.id))
    .orderBy(asc(organizations.name));
}

/** Agents and admins a case can be handed to. */
export function disputeStaff(executor: Executor = db()) {
  return executor
    .select({ id: users.id, name: users.name, email: users.email, staffRole: users.staffRole })
    .from(users)
    .where(inArray(users.staffRole, [...DISPUTE_STAFF]))
    .orderBy(asc(users.name));
}

const author = aliasedTable(users, "author");

async function caseDetails(executor: Executor, dispute: Dispute) {
  const [events, messages, evidence] = await Promise.all([
    executor
      .select({
        id: disputeEvents.id,
        kind: disputeEvents.kind,
        actorKind: disputeEvents.actorKind,
        actorName: author.name,
        fromStatus: disputeEvents.fromStatus,
        toStatus: disputeEvents.toStatus,
        fromTier: disputeEvents.fromTier,
        toTier: disputeEvents.toTier,
        details: disputeEvents.details,
        at: disputeEvents.at,
      })
      .from(disputeEvents)
      .leftJoin(author, eq(author.id, disputeEvents.actorUserId))
      .where(eq(disputeEvents.disputeId, dispute.id))
      .orderBy(asc(disputeEvents.seq)),
    executor
      .select({ id: disputeMessages.id, authorKind: disputeMessages.authorKind, authorName: author.name, body: disputeMessages.body, at: disputeMessages.at })
      .from(disputeMessages)
      .leftJoin(author, eq(author.id, disputeMessages.authorUserId))
      .where(eq(disputeMessages.disputeId, dispute.id))
      .orderBy(asc(disputeMessages.seq)),
    executor
      .select({
        id: disputeEvidence.id,
        kind: disputeEvidence.kind,
        uploadedByKind: disputeEvidence.uploadedByKind,
        uploaderName: author.name,
        note: disputeEvidence.note,
        originalName: disputeEvidence.originalName,
        contentType: disputeEvidence.contentType,
        sizeBytes: disputeEvidence.sizeBytes,
        at: disputeEvidence.at,
      })
      .from(disputeEvidence)
      .leftJoin(author, eq(author.id, disputeEvidence.uploadedBy))
      .where(eq(disputeEvidence.disputeId, dispute.id))
      .orderBy(asc(disputeEvidence.at), asc(disputeEvidence.id)),
  ]);
  return { events, messages, evidence };
}

/** The ledger entries a case posted (reserve steps and the decision), oldest first, with their lines. */
async function caseEntries(executor: Executor, disputeId: string) {
  const rows = await executor
    .select({
      id: journalEntries.id,
      type: journalEntries.type,
      description: journalEntries.description,
      createdAt: journalEntries.createdAt,
      kind: ledgerAccounts.kind,
      platform: sql<boolean>`${ledgerAccounts.organizationId} is null`,
      amountMinor: journalLines.amountMinor,
    })
    .from(journalEntries)
    .innerJoin(journalLines, eq(journalLines.entryId, journalEntries.id))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
    .where(and(eq(journalEntries.causeType, "dispute"), eq(journalEntries.causeId, disputeId)))
    .orderBy(asc(journalEntries.createdAt), asc(journalLines.id));
  const entries = new Map<string, { id: string; type: string; description: string; createdAt: Date; lines: { kind: string; platform: boolean; amountMinor: bigint }[] }>();
  for (const row of rows) {
    const entry = entries.get(row.id) ?? { id: row.id, type: row.type, description: row.description, createdAt: row.createdAt, lines: [] };
    entry.lines.push({ kind: row.kind, platform: row.platform, amountMinor: row.amountMinor });
    entries.set(row.id, entry);
  }
  return [...entries.values()];
}

export interface CaseEscalation {
  automatic: boolean;
  reasons: EscalationReason[];
  at: Date;
}

const opener = aliasedTable(users, "opener");
const decider = aliasedTable(users, "decider");

async function caseView(executor: Executor, where: SQL | undefined) {
  const [found] = await executor
    .select({
      dispute: disputes,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
      buyerName: buyers.name,
      buyerCountry: buyers.country,
      invoiceNumber: invoices.number,
      paymentReference: incomingPayments.bankRef,
      assigneeName: assignee.name,
      openedByName: opener.name,
      decidedByName: decider.name,
    })
    .from(disputes)
    .innerJoin(organizations, eq(organizations.id, disputes.organizationId))
    .innerJoin(buyers, eq(buyers.id, disputes.buyerId))
    .leftJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .leftJoin(incomingPayments, eq(incomingPayments.id, disputes.paymentId))
    .leftJoin(assignee, eq(assignee.id, disputes.assigneeId))
    .leftJoin(opener, eq(opener.id, disputes.openedBy))
    .leftJoin(decider, eq(decider.id, disputes.decidedBy))
    .where(where);
  if (!found) return null;
  const { dispute, ...names } = found;
  const at = await now(executor);
  const [details, entries] = await Promise.all([caseDetails(executor, dispute), caseEntries(executor, dispute.id)]);
  const lastEscalation = details.events.filter((event) => event.kind === "escalated").at(-1);
  return {
    dispute: { ...dispute, ...names },
    deadlines: deadlines(timelineOf(dispute)).map((deadline) => ({
      ...deadline,
      breached: (deadline.metAt ?? at) > deadline.dueAt,
    })),
    escalation: lastEscalation
      ? ({ automatic: lastEscalation.actorKind === "system", reasons: (lastEscalation.details.reasons ?? []) as EscalationReason[], at: lastEscalation.at } satisfies CaseEscalation)
      : null,
    ...details,
    entries,
    now: at,
  };
}

export type DisputeCaseView = NonNullable<Awaited<ReturnType<typeof caseView>>>;

/** Any case, for agents and admins. */
export function staffDisputeCase(disputeId: string, executor: Executor = db()) {
  return caseView(executor, eq(disputes.id, disputeId));
}

/** One of the organization's cases; another organization's is null, like one that does not exist. */
export function organizationDisputeCase(organizationId: string, disputeId: string, executor: Executor = db()) {
  return caseView(executor, and(eq(disputes.id, disputeId), eq(disputes.organizationId, organizationId)));
}

/**
 * The case a buyer's link opens, with only what the buyer may see: the case, the proposal and the decision, the
 * thread and the evidence. No organization ids, ledger or internal history.
 */
export async function buyerDisputeCase(token: string, executor: Executor = db()) {
  const dispute = await disputeByBuyerToken(executor, token);
  if (!dispute) return null;
  const [[names], details] = await Promise.all([
    executor
      .select({ sellerName: organizations.name, buyerName: buyers.name, invoiceNumber: invoices.number })
      .from(disputes)
      .innerJoin(organizations, eq(organizations.id, disputes.organizationId))
      .innerJoin(buyers, eq(buyers.id, disputes.buyerId))
      .leftJoin(invoices, eq(invoices.id, disputes.invoiceId))
      .where(eq(disputes.id, dispute.id)),
    caseDetails(executor, dispute),
  ]);
  return {
    number: dispute.number,
    sellerName: names!.sellerName,
    buyerName: names!.buyerName,
    invoiceNumber: names!.invoiceNumber,
    category: dispute.category,
    tier: dispute.tier,
    status: dispute.status,
    currency: dispute.currency,
    disputedMinor: dispute.disputedMinor,
    description: dispute.description,
    buyerClaim: dispute.buyerClaim,
    openedAt: dispute.openedAt,
    proposal:
      dispute.proposedOutcome && dispute.proposedAt
        ? { outcome: dispute.proposedOutcome, buyerShareMinor: dispute.proposedBuyerShareMinor, note: dispute.proposalNote, at: dispute.proposedAt }
        : null,
    decision:
      dispute.outcome && dispute.decidedAt
        ? { outcome: dispute.outcome, buyerShareMinor: dispute.buyerShareMinor, factoryShareMinor: dispute.factoryShareMinor, note: dispute.decisionNote, at: dispute.decidedAt }
        : null,
    // Names of the factory's members and the agents stay with the platform: the buyer sees who wrote by side.
    messages: details.messages.map(({ authorName: _name, ...message }) => message),
    evidence: details.evidence.map(({ uploaderName: _name, ...file }) => file),
  };
}

export type BuyerCaseView = NonNullable<Awaited<ReturnType<typeof buyerDisputeCase>>>;

/** What the open form can pick: the organization's issued invoices and its payments identified with a buyer. */
export async function disputeSubjects(organizationId: string, executor: Executor = db()) {
  const [invoiceRows, paymentRows] = await Promise.all([
    executor
      .select({
        id: invoices.id,
        number: invoices.number,
        buyerName: buyers.name,
        currency: invoices.currency,
        totalMinor: invoices.totalMinor,
        paidMinor: invoices.paidMinor,
        status: invoices.status,
      })
      .from(invoices)
      .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
      .where(and(eq(invoices.organizationId, organizationId), ne(invoices.status, "draft")))
      .orderBy(desc(invoices.issueDate), desc(invoices.number))
      .limit(300),
    executor
      .select({
        id: incomingPayments.id,
        bankRef: incomingPayments.bankRef,
        payerName: incomingPayments.payerName,
        buyerName: buyers.name,
        currency: incomingPayments.currency,
        amountMinor: incomingPayments.amountMinor,
        bookingDate: incomingPayments.bookingDate,
        source: incomingPayments.source,
      })
      .from(incomingPayments)
      .innerJoin(buyers, eq(buyers.id, incomingPayments.buyerId))
      .where(and(eq(incomingPayments.organizationId, organizationId), ne(incomingPayments.matchStatus, "reversed"), gt(incomingPayments.amountMinor, 0n)))
      .orderBy(desc(incomingPayments.bookingDate), desc(incomingPayments.id))
      .limit(300),
  ]);
  return {
    invoices: invoiceRows.map((row) => ({ ...row, number: row.number! })),
    payments: paymentRows.map(({ source, ...row }) => ({ ...row, method: source === "card" ? ("card" as const) : ("bank" as const) })),
  };
}
