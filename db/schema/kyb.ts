import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { accountTier, organizations } from "./organizations";

/** The states of lib/domain/kyb (KYB_STATUSES); transitions only through its `nextStatus`. */
export const kybStatus = pgEnum("kyb_status", ["draft", "submitted", "in_review", "approved", "rejected", "info_requested"]);
export const kybDocumentKind = pgEnum("kyb_document_kind", [
  "business_licence",
  "id_front",
  "id_back",
  "export_contract",
  "customs_declaration",
]);

/** One KYB application per organization; each section is kept as the applicant last saved it (a draft until submitted). */
export const kybApplications = pgTable(
  "kyb_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    status: kybStatus("status").notNull().default("draft"),
    company: jsonb("company").$type<Record<string, unknown>>(),
    legalRepresentative: jsonb("legal_representative").$type<Record<string, unknown>>(),
    beneficialOwners: jsonb("beneficial_owners").$type<Record<string, unknown>>(),
    bankAccount: jsonb("bank_account").$type<Record<string, unknown>>(),
    /** Copied out of the sections for the queue's filters and the duplicate checks. */
    uscc: text("uscc"),
    bankAccountNumber: text("bank_account_number"),
    legalNameZh: text("legal_name_zh"),
    legalNameEn: text("legal_name_en"),
    expectedMonthlyVolumeCnyMinor: bigint("expected_monthly_volume_cny_minor", { mode: "bigint" }),
    buyerCountries: text("buyer_countries").array().notNull().default(sql`'{}'::text[]`),
    /** Assessed at each submission with the risk policy then in force. */
    riskLevel: text("risk_level"),
    riskReasons: jsonb("risk_reasons").$type<string[]>(),
    /** Counts submissions (first and resubmissions); approval votes belong to one round. */
    round: integer("round").notNull().default(0),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    rejectionReason: text("rejection_reason"),
    approvedTier: accountTier("approved_tier"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("kyb_applications_org_key").on(t.organizationId),
    index("kyb_applications_queue_idx").on(t.status, t.submittedAt),
    index("kyb_applications_uscc_idx").on(t.uscc),
    index("kyb_applications_bank_idx").on(t.bankAccountNumber),
    check("kyb_applications_risk_check", sql`${t.riskLevel} is null or ${t.riskLevel} in ('standard', 'high')`),
  ],
);

/** Uploaded files: the bytes live in the storage adapter under `storageKey` (random), never under the web root. */
export const kybDocuments = pgTable(
  "kyb_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().references(() => kybApplications.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    kind: kybDocumentKind("kind").notNull(),
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    /** Set when the applicant replaces or removes it; the bytes stay for the record. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("kyb_documents_storage_key").on(t.storageKey),
    index("kyb_documents_application_idx").on(t.applicationId),
    check("kyb_documents_size_check", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`),
  ],
);

/** The application's history: every transition and decision, who, when, what, with the comment the factory sees. */
export const kybEvents = pgTable(
  "kyb_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().references(() => kybApplications.id, { onDelete: "cascade" }),
    /** created | submit | start_review | approval_vote | approve | reject | request_info | answer | resubmit */
    event: text("event").notNull(),
    fromStatus: kybStatus("from_status"),
    toStatus: kybStatus("to_status"),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    comment: text("comment"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("kyb_events_application_idx").on(t.applicationId, t.at)],
);

/** "Request more information": one item per field, answered by the factory, closed by the next resubmission. */
export const kybInfoRequests = pgTable(
  "kyb_info_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().references(() => kybApplications.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    field: text("field").notNull(),
    comment: text("comment").notNull(),
    requestedBy: uuid("requested_by").notNull().references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    answer: text("answer"),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("kyb_info_requests_application_idx").on(t.applicationId)],
);

/** Four-eyes: approvals of a high-risk application in one review round, one per reviewer. */
export const kybApprovalVotes = pgTable(
  "kyb_approval_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().references(() => kybApplications.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    reviewerUserId: uuid("reviewer_user_id").notNull().references(() => users.id),
    tier: accountTier("tier").notNull(),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("kyb_approval_votes_key").on(t.applicationId, t.round, t.reviewerUserId)],
);

/** Daily limits per account tier in CNY minor units; platform admins change them, DEFAULT_TIER_LIMITS otherwise. */
export const tierLimits = pgTable("tier_limits", {
  tier: accountTier("tier").primaryKey(),
  dailyPayoutCnyMinor: bigint("daily_payout_cny_minor", { mode: "bigint" }).notNull(),
  dailyConversionCnyMinor: bigint("daily_conversion_cny_minor", { mode: "bigint" }).notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The KYB risk policy (one row, id 1): above this monthly volume, or with one of these buyer countries, four-eyes applies. */
export const kybRiskPolicy = pgTable(
  "kyb_risk_policy",
  {
    id: integer("id").primaryKey().default(1),
    volumeThresholdCnyMinor: bigint("volume_threshold_cny_minor", { mode: "bigint" }).notNull(),
    highRiskCountries: text("high_risk_countries").array().notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("kyb_risk_policy_single_row", sql`${t.id} = 1`)],
);
