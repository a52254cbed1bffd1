import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, char, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DISPUTE_CATEGORIES, DISPUTE_TIERS, ROOT_CAUSES } from "../../lib/domain/disputes/categories";
import { DISPUTE_OUTCOMES } from "../../lib/domain/disputes/money-plan";
import { DISPUTE_STATUSES } from "../../lib/domain/disputes/status";
import { users } from "./auth";
import { cardPayments, incomingPayments, sandboxCardIntents } from "./collections";
import { buyers, invoices } from "./invoices";
import { journalEntries } from "./ledger";
import { organizations } from "./organizations";

export const disputeCategory = pgEnum("dispute_category", DISPUTE_CATEGORIES);
export const disputeTier = pgEnum("dispute_tier", DISPUTE_TIERS);
export const disputeStatus = pgEnum("dispute_status", DISPUTE_STATUSES);
export const disputeOutcome = pgEnum("dispute_outcome", DISPUTE_OUTCOMES);
export const disputeRootCause = pgEnum("dispute_root_cause", ROOT_CAUSES);
/** Who wrote a message, uploaded a file or made a change: the factory's members, the platform's agents, the buyer (by its link), or the system (timers, webhooks). */
export const disputeParty = pgEnum("dispute_party", ["factory", "agent", "buyer", "system"]);
export const disputeEvidenceKind = pgEnum("dispute_evidence_kind", ["photo", "inspection_report", "bill_of_lading", "correspondence", "contract", "other"]);

/** Case numbers: one counter per organization and year (DSP-2026-0001), taken by an atomic upsert. */
export const disputeSequences = pgTable(
  "dispute_sequences",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year] })],
);

/**
 * A dispute case about an invoice or a payment. Money columns are minor units of `currency`: `reserved_minor` is
 * what the case holds in the organization's reserved balance, `reserve_shortfall_minor` what it still has to reserve
 * from incoming funds (reserved + shortfall = disputed while the case is open and holds money). Times are on the
 * platform clock (lib/server/clock.ts). The due columns are the current tier's deadlines (lib/domain/disputes
 * service levels); `next_due_at` the nearest unmet one, which orders the agents' queue.
 */
export const disputes = pgTable(
  "disputes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    category: disputeCategory("category").notNull(),
    tier: disputeTier("tier").notNull(),
    status: disputeStatus("status").notNull().default("open"),
    buyerId: uuid("buyer_id").notNull().references(() => buyers.id),
    invoiceId: uuid("invoice_id").references(() => invoices.id),
    paymentId: uuid("payment_id").references(() => incomingPayments.id),
    cardPaymentId: uuid("card_payment_id").references(() => cardPayments.id),
    /** A card payment is refunded through the card scheme (card clearing), a bank transfer through payout clearing. */
    paidByCard: boolean("paid_by_card").notNull().default(false),
    currency: char("currency", { length: 3 }).notNull(),
    disputedMinor: bigint("disputed_minor", { mode: "bigint" }).notNull(),
    reservedMinor: bigint("reserved_minor", { mode: "bigint" }).notNull().default(sql`0`),
    reserveShortfallMinor: bigint("reserve_shortfall_minor", { mode: "bigint" }).notNull().default(sql`0`),
    description: text("description").notNull(),
    buyerClaim: text("buyer_claim").notNull().default(""),
    /** sha256 (hex) of the buyer's link token; the token itself is shown once. Null for chargebacks (the issuer is the other side). */
    buyerTokenHash: text("buyer_token_hash"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** Null when the system opened it (a chargeback). */
    openedBy: uuid("opened_by").references(() => users.id),
    /** The card processor's dispute id, for a chargeback: one case per processor dispute. */
    chargebackReference: text("chargeback_reference"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    tierEnteredAt: timestamp("tier_entered_at", { withTimezone: true }).notNull(),
    firstResponseDueAt: timestamp("first_response_due_at", { withTimezone: true }),
    /** L1 resolution, L2 proposal or L3 decision (null: no timer). */
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }),
    nextDueAt: timestamp("next_due_at", { withTimezone: true }),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The current tier's deadlines missed (reset when the case changes tier). */
    firstResponseBreached: boolean("first_response_breached").notNull().default(false),
    resolutionBreached: boolean("resolution_breached").notNull().default(false),
    /** The first breach of any tier, and how many deadlines were missed in all. */
    breachedAt: timestamp("breached_at", { withTimezone: true }),
    breachCount: integer("breach_count").notNull().default(0),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    escalationReason: text("escalation_reason"),
    proposedOutcome: disputeOutcome("proposed_outcome"),
    proposedBuyerShareMinor: bigint("proposed_buyer_share_minor", { mode: "bigint" }),
    proposalNote: text("proposal_note"),
    outcome: disputeOutcome("outcome"),
    /** The split of the decision: what the buyer got back and what the factory kept (sum = disputed). */
    buyerShareMinor: bigint("buyer_share_minor", { mode: "bigint" }),
    factoryShareMinor: bigint("factory_share_minor", { mode: "bigint" }),
    decisionNote: text("decision_note"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionEntryId: uuid("decision_entry_id").references(() => journalEntries.id),
    rootCause: disputeRootCause("root_cause"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("disputes_org_number_key").on(t.organizationId, t.number),
    uniqueIndex("disputes_buyer_token_key").on(t.buyerTokenHash),
    uniqueIndex("disputes_chargeback_key").on(t.chargebackReference),
    index("disputes_queue_idx").on(t.status, t.nextDueAt),
    index("disputes_org_opened_idx").on(t.organizationId, t.openedAt, t.id),
    index("disputes_shortfall_idx").on(t.organizationId, t.currency, t.openedAt).where(sql`${t.reserveShortfallMinor} > 0`),
    index("disputes_buyer_idx").on(t.buyerId, t.openedAt),
    check("disputes_amounts_check", sql`${t.disputedMinor} > 0 and ${t.reservedMinor} >= 0 and ${t.reserveShortfallMinor} >= 0 and ${t.reservedMinor} + ${t.reserveShortfallMinor} <= ${t.disputedMinor}`),
    check("disputes_subject_check", sql`${t.invoiceId} is not null or ${t.paymentId} is not null`),
    check("disputes_split_check", sql`${t.buyerShareMinor} is null or (${t.buyerShareMinor} >= 0 and ${t.factoryShareMinor} >= 0 and ${t.buyerShareMinor} + ${t.factoryShareMinor} = ${t.disputedMinor})`),
  ],
);

/**
 * The case history: every change (opened, claimed, assigned, status, tier, amounts reserved, messages, evidence,
 * breaches, proposal, decision, closing), who made it and when on the platform clock.
 */
export const disputeEvents = pgTable(
  "dispute_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: one action records several events at the same instant. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    disputeId: uuid("dispute_id").notNull().references(() => disputes.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    actorKind: disputeParty("actor_kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    fromStatus: disputeStatus("from_status"),
    toStatus: disputeStatus("to_status"),
    fromTier: disputeTier("from_tier"),
    toTier: disputeTier("to_tier"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("dispute_events_dispute_idx").on(t.disputeId, t.seq)],
);

/** The thread between the factory, the agents and the buyer. */
export const disputeMessages = pgTable(
  "dispute_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    disputeId: uuid("dispute_id").notNull().references(() => disputes.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    authorKind: disputeParty("author_kind").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id),
    body: text("body").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("dispute_messages_dispute_idx").on(t.disputeId, t.seq)],
);

/** Evidence files, checked and stored like KYB documents (content sniffed, 10 MB, random key outside the web root); never removed. */
export const disputeEvidence = pgTable(
  "dispute_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disputeId: uuid("dispute_id").notNull().references(() => disputes.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    kind: disputeEvidenceKind("kind").notNull(),
    uploadedByKind: disputeParty("uploaded_by_kind").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    note: text("note"),
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("dispute_evidence_storage_key").on(t.storageKey),
    index("dispute_evidence_dispute_idx").on(t.disputeId, t.at),
    check("dispute_evidence_size_check", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`),
  ],
);

/** Replies the agents keep for reuse in threads. */
export const disputeSavedReplies = pgTable(
  "dispute_saved_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dispute_saved_replies_title_key").on(sql`lower(${t.title})`)],
);

/** The escalation rules platform admins configure (one row, id 1); lib/domain/disputes DEFAULT_ESCALATION_RULES otherwise. */
export const disputeSettings = pgTable(
  "dispute_settings",
  {
    id: integer("id").primaryKey().default(1),
    amountThresholdCnyMinor: bigint("amount_threshold_cny_minor", { mode: "bigint" }).notNull(),
    repeatedBuyerCases: integer("repeated_buyer_cases").notNull(),
    repeatedBuyerDays: integer("repeated_buyer_days").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("dispute_settings_single_row", sql`${t.id} = 1`),
    check("dispute_settings_values_check", sql`${t.amountThresholdCnyMinor} > 0 and ${t.repeatedBuyerCases} >= 2 and ${t.repeatedBuyerDays} >= 1`),
  ],
);

/**
 * The test clock's offset from real time (one row, id 1), read by lib/server/clock.ts only when the process runs
 * with ALLOW_TEST_CLOCK=1 (end-to-end server, embedded demo).
 */
export const testClock = pgTable(
  "test_clock",
  {
    id: integer("id").primaryKey().default(1),
    offsetMs: bigint("offset_ms", { mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("test_clock_single_row", sql`${t.id} = 1`)],
);

/**
 * The sandbox card processor's books of chargebacks (a card issuer taking a payment back): each is told to Quayside
 * by a signed `charge.dispute.created` webhook, retried like the intents' outcomes.
 */
export const sandboxCardChargebacks = pgTable(
  "sandbox_card_chargebacks",
  {
    id: text("id").primaryKey(),
    intentId: text("intent_id").notNull().references(() => sandboxCardIntents.id),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    /** The issuer's reason code: fraudulent, product_not_received, product_unacceptable, duplicate, credit_not_processed, general. */
    reason: text("reason").notNull(),
    webhookDeliveredAt: timestamp("webhook_delivered_at", { withTimezone: true }),
    webhookAttempts: integer("webhook_attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sandbox_card_chargebacks_intent_idx").on(t.intentId),
    check("sandbox_card_chargebacks_amount_check", sql`${t.amountMinor} > 0`),
  ],
);
