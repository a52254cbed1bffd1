import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PAYOUT_STATUSES } from "../../lib/domain/settlement/payout";
import { users } from "./auth";
import { journalEntries } from "./ledger";
import { organizations } from "./organizations";

/** lib/domain/settlement/payout.ts PAYOUT_STATUSES; transitions only through its `nextPayoutStatus`. */
export const payoutStatus = pgEnum("payout_status", PAYOUT_STATUSES);
export const payoutSpeed = pgEnum("payout_speed", ["standard", "expedited"]);
/** Asked for by a member now, or created by a settlement run for one of its batches. */
export const payoutOrigin = pgEnum("payout_origin", ["on_demand", "settlement"]);

/** The beneficiary as it stood when the payout was requested (the KYB bank account may change later). */
export interface PayoutBeneficiarySnapshot {
  bankName: string;
  branchName: string;
  accountHolder: string;
  accountNumber: string;
  cnaps: string | null;
  swiftBic: string | null;
  iban: string | null;
}

/**
 * One transfer of available money to the organization's verified settlement bank account. `amount_minor` is what
 * left available; `fee_minor` the fees (their lines are fee_charges rows of `entry_id`); `net_minor` what the bank
 * sends. The entry (idempotency key `payout:<id>`) is reversed by `reversal_entry_id` when the payout is cancelled,
 * fails or is returned.
 */
export const payouts = pgTable(
  "payouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    feeMinor: bigint("fee_minor", { mode: "bigint" }).notNull(),
    netMinor: bigint("net_minor", { mode: "bigint" }).notNull(),
    /** The amount's worth in CNY when requested (mid rate), counted against the daily limits. */
    cnyEquivalentMinor: bigint("cny_equivalent_minor", { mode: "bigint" }).notNull(),
    speed: payoutSpeed("speed").notNull(),
    origin: payoutOrigin("origin").notNull(),
    /** The settlement batch that created it (settlement_batches, owned by the settlement run; no foreign key). */
    settlementBatchId: uuid("settlement_batch_id"),
    status: payoutStatus("status").notNull(),
    /** Above the organization's threshold when requested: an owner other than the requester must approve. */
    approvalRequired: boolean("approval_required").notNull(),
    beneficiary: jsonb("beneficiary").$type<PayoutBeneficiarySnapshot>().notNull(),
    requestedBy: uuid("requested_by").references(() => users.id),
    approvedBy: uuid("approved_by").references(() => users.id),
    cancelledBy: uuid("cancelled_by").references(() => users.id),
    bankProvider: text("bank_provider"),
    bankReference: text("bank_reference"),
    /** Why the bank failed or returned it, as the bank said. */
    failureReason: text("failure_reason"),
    entryId: uuid("entry_id").notNull().references(() => journalEntries.id),
    reversalEntryId: uuid("reversal_entry_id").references(() => journalEntries.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payouts_org_requested_idx").on(t.organizationId, t.requestedAt, t.id),
    index("payouts_org_amount_idx").on(t.organizationId, t.amountMinor, t.id),
    index("payouts_status_paid_idx").on(t.status, t.paidAt),
    index("payouts_status_idx").on(t.status),
    uniqueIndex("payouts_entry_key").on(t.entryId),
    uniqueIndex("payouts_settlement_batch_key").on(t.settlementBatchId),
    check("payouts_amounts_check", sql`${t.feeMinor} >= 0 and ${t.netMinor} > 0 and ${t.amountMinor} = ${t.feeMinor} + ${t.netMinor}`),
    check("payouts_origin_check", sql`(${t.origin} = 'settlement') = (${t.settlementBatchId} is not null)`),
  ],
);

/** Per organization: above this amount (CNY equivalent) a payout needs an owner's approval. Set by owners. */
export const payoutSettings = pgTable(
  "payout_settings",
  {
    organizationId: uuid("organization_id").primaryKey().references(() => organizations.id, { onDelete: "cascade" }),
    approvalThresholdCnyMinor: bigint("approval_threshold_cny_minor", { mode: "bigint" }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("payout_settings_threshold_check", sql`${t.approvalThresholdCnyMinor} >= 0`)],
);

/**
 * The sandbox bank's own books of the transfers it was asked to send: when each settles, and the outcome a demo or
 * test told it to report instead (`failed` or `returned`, with the bank's reason).
 */
export const sandboxBankPayouts = pgTable(
  "sandbox_bank_payouts",
  {
    payoutId: uuid("payout_id").primaryKey().references(() => payouts.id, { onDelete: "cascade" }),
    reference: text("reference").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
    settlesAt: timestamp("settles_at", { withTimezone: true }).notNull(),
    outcome: text("outcome"),
    reason: text("reason"),
  },
  (t) => [
    uniqueIndex("sandbox_bank_payouts_reference_key").on(t.reference),
    check("sandbox_bank_payouts_outcome_check", sql`${t.outcome} is null or ${t.outcome} in ('failed', 'returned')`),
  ],
);
