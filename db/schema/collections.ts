import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { buyers, invoiceInstalments, invoices } from "./invoices";
import { journalEntries } from "./ledger";
import { organizations } from "./organizations";

/**
 * Receiving details issued to one organization for one currency by the bank adapter (`provider`).
 * `account_identifier` is what statements name the account by (IBAN, or the account number): incoming
 * money is routed to the organization through it.
 */
export const collectionAccounts = pgTable(
  "collection_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    currency: char("currency", { length: 3 }).notNull(),
    provider: text("provider").notNull(),
    /** `iban` (EUR, GBP…), `us_ach` (USD: account + ABA routing), `local` (account number + bank code), … */
    scheme: text("scheme").notNull(),
    accountIdentifier: text("account_identifier").notNull(),
    accountHolder: text("account_holder").notNull(),
    /** The scheme's fields: iban, bic, accountNumber, routingNumber, sortCode, bankCode, branchCode… */
    details: jsonb("details").$type<Record<string, string>>().notNull(),
    bankName: text("bank_name").notNull(),
    bankAddress: text("bank_address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("collection_accounts_org_currency_key").on(t.organizationId, t.currency),
    uniqueIndex("collection_accounts_identifier_key").on(t.accountIdentifier, t.currency),
  ],
);

export const statementFormat = pgEnum("statement_format", ["camt053", "camt054", "mt940", "csv"]);
export const statementImportStatus = pgEnum("statement_import_status", ["processing", "completed", "failed"]);

/** One uploaded statement file and what importing it did. */
export const statementImports = pgTable(
  "statement_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    format: statementFormat("format").notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    status: statementImportStatus("status").notNull().default("processing"),
    /** Transactions read so far (the progress bar), then in all. */
    transactionCount: integer("transaction_count").notNull().default(0),
    importedCount: integer("imported_count").notNull().default(0),
    duplicateCount: integer("duplicate_count").notNull().default(0),
    matchedCount: integer("matched_count").notNull().default(0),
    /** Opening + entries ≠ closing in at least one statement of the file. */
    balanceMismatch: boolean("balance_mismatch").notNull().default(false),
    summaries: jsonb("summaries").$type<Record<string, unknown>[]>().notNull().default([]),
    error: text("error"),
    importedBy: uuid("imported_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("statement_imports_org_idx").on(t.organizationId, t.createdAt.desc())],
);

/** A CSV column mapping saved per organization and bank (lib/domain/statements CsvMapping). */
export const csvMappings = pgTable(
  "csv_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    bankName: text("bank_name").notNull(),
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("csv_mappings_org_bank_key").on(t.organizationId, sql`lower(${t.bankName})`)],
);

export const paymentSource = pgEnum("payment_source", ["bank_transfer", "card", "sandbox_transfer"]);
export const paymentMatchStatus = pgEnum("payment_match_status", ["unmatched", "partially_matched", "matched", "reversed"]);

/**
 * Money that reached one organization: a credit line of a bank statement, a sandbox transfer, or a card
 * payment. Received money first sits in the organization's `unapplied` (bank) or `pending` (card) account
 * (receipt entry); allocations move it on. `(account_identifier, bank_ref)` makes re-imports add nothing.
 */
export const incomingPayments = pgTable(
  "incoming_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    source: paymentSource("source").notNull(),
    statementImportId: uuid("statement_import_id").references(() => statementImports.id),
    collectionAccountId: uuid("collection_account_id").references(() => collectionAccounts.id),
    accountIdentifier: text("account_identifier").notNull(),
    bankRef: text("bank_ref").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    /** What is not yet allocated (to invoices or to the buyer's credit). */
    unappliedMinor: bigint("unapplied_minor", { mode: "bigint" }).notNull(),
    bookingDate: date("booking_date", { mode: "string" }).notNull(),
    valueDate: date("value_date", { mode: "string" }).notNull(),
    reference: text("reference"),
    remittanceText: text("remittance_text"),
    payerName: text("payer_name"),
    /** Bank charges taken on the way, when the bank reports them. */
    chargesMinor: bigint("charges_minor", { mode: "bigint" }).notNull().default(sql`0`),
    matchStatus: paymentMatchStatus("match_status").notNull().default("unmatched"),
    /** The buyer it was identified as coming from (by a match or by a person). */
    buyerId: uuid("buyer_id").references(() => buyers.id),
    receiptEntryId: uuid("receipt_entry_id").references(() => journalEntries.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("incoming_payments_bank_ref_key").on(t.accountIdentifier, t.bankRef),
    index("incoming_payments_org_idx").on(t.organizationId, t.bookingDate, t.id),
    index("incoming_payments_unmatched_idx").on(t.organizationId, t.matchStatus, t.bookingDate),
    // The unmatched queue's pages: bank money with something left to apply, however long the matched history.
    index("incoming_payments_queue_idx").on(t.organizationId, t.bookingDate, t.id).where(sql`${t.source} <> 'card' and ${t.unappliedMinor} > 0`),
    check("incoming_payments_amounts_check", sql`${t.amountMinor} > 0 and ${t.unappliedMinor} >= 0 and ${t.unappliedMinor} <= ${t.amountMinor}`),
  ],
);

export const allocationTarget = pgEnum("allocation_target", ["invoice", "buyer_credit"]);
export const matchMethod = pgEnum("match_method", ["rf_reference", "invoice_number", "manual", "card"]);

/**
 * Part of an incoming payment applied to an invoice instalment, or kept as a credit for a buyer. Each posts
 * one ledger entry (idempotency key `allocation:<id>`); unmatching posts its reversal and sets `reversed_at`.
 * `invoice_amount_minor` is what it settles in the invoice's currency (equal to `amount_minor` unless the
 * payment came in another currency, which is flagged); `bank_charges_minor` is a shortfall written off as
 * charges deducted on the way.
 */
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    paymentId: uuid("payment_id").notNull().references(() => incomingPayments.id),
    target: allocationTarget("target").notNull(),
    invoiceId: uuid("invoice_id").references(() => invoices.id),
    instalmentId: uuid("instalment_id").references(() => invoiceInstalments.id),
    buyerId: uuid("buyer_id").references(() => buyers.id),
    method: matchMethod("method").notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    invoiceAmountMinor: bigint("invoice_amount_minor", { mode: "bigint" }).notNull(),
    bankChargesMinor: bigint("bank_charges_minor", { mode: "bigint" }).notNull().default(sql`0`),
    currencyMismatch: boolean("currency_mismatch").notNull().default(false),
    /**
     * The collection fee (with any risk surcharge), in the payment's currency, charged when this part became
     * available: at the match for bank money, at clearing for card money. Null while nothing is charged (a buyer's
     * credit, a card payment not yet cleared); the lines are in fee_charges under the entry that carried them.
     */
    feeMinor: bigint("fee_minor", { mode: "bigint" }),
    /** What this part added to the month's collection volume (collection_volumes), taken off again when unmatched. */
    volumeCnyMinor: bigint("volume_cny_minor", { mode: "bigint" }).notNull().default(sql`0`),
    entryId: uuid("entry_id").references(() => journalEntries.id),
    reversalEntryId: uuid("reversal_entry_id").references(() => journalEntries.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    reversedAt: timestamp("reversed_at", { withTimezone: true }),
    reversedBy: uuid("reversed_by").references(() => users.id),
  },
  (t) => [
    index("payment_allocations_payment_idx").on(t.paymentId),
    index("payment_allocations_invoice_idx").on(t.invoiceId),
    index("payment_allocations_buyer_idx").on(t.buyerId),
    check("payment_allocations_amounts_check", sql`${t.amountMinor} > 0 and ${t.invoiceAmountMinor} >= 0 and ${t.bankChargesMinor} >= 0`),
    check("payment_allocations_fee_check", sql`${t.feeMinor} is null or (${t.feeMinor} >= 0 and ${t.feeMinor} < ${t.amountMinor})`),
    check("payment_allocations_volume_check", sql`${t.volumeCnyMinor} >= 0`),
    check(
      "payment_allocations_target_check",
      sql`(${t.target} = 'invoice' and ${t.invoiceId} is not null) or (${t.target} = 'buyer_credit' and ${t.buyerId} is not null)`,
    ),
  ],
);

/**
 * Each organization's collections per China-time month (`YYYY-MM`), in CNY equivalent: the volume the fee
 * schedule's tiers are priced on. Kept up to date in the transaction that charges (or gives back) a collection
 * fee, whose row lock also orders the organization's fee pricing, so a tier is reached exactly once.
 */
export const collectionVolumes = pgTable(
  "collection_volumes",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    month: char("month", { length: 7 }).notNull(),
    volumeCnyMinor: bigint("volume_cny_minor", { mode: "bigint" }).notNull().default(sql`0`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.month] }), check("collection_volumes_volume_check", sql`${t.volumeCnyMinor} >= 0`)],
);

export const cardPaymentStatus = pgEnum("card_payment_status", ["created", "requires_action", "succeeded", "declined", "failed"]);

/**
 * A card payment as Quayside knows it: the processor's payment id and outcome, never card data.
 * Succeeded payments post card_clearing → pending; `clears_at` is when the clearing job moves them to available.
 */
export const cardPayments = pgTable(
  "card_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    invoiceId: uuid("invoice_id").notNull().references(() => invoices.id),
    instalmentId: uuid("instalment_id").notNull().references(() => invoiceInstalments.id),
    processor: text("processor").notNull(),
    processorPaymentId: text("processor_payment_id").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    status: cardPaymentStatus("status").notNull().default("created"),
    declineCode: text("decline_code"),
    /** The incoming payment created when it succeeded. */
    paymentId: uuid("payment_id").references(() => incomingPayments.id),
    clearsAt: timestamp("clears_at", { withTimezone: true }),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    clearingEntryId: uuid("clearing_entry_id").references(() => journalEntries.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("card_payments_processor_key").on(t.processor, t.processorPaymentId),
    index("card_payments_invoice_idx").on(t.invoiceId),
    index("card_payments_clearing_idx").on(t.status, t.clearsAt),
    check("card_payments_amount_check", sql`${t.amountMinor} > 0`),
  ],
);

/**
 * Every webhook delivery, accepted or refused, with why. An accepted event id is accepted once:
 * a replay is refused and logged.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider").notNull(),
    eventId: text("event_id"),
    eventType: text("event_type"),
    /** `accepted` or `refused` */
    outcome: text("outcome").notNull(),
    /** missing_signature | bad_signature | expired | replayed | malformed | unknown_payment … */
    reason: text("reason"),
    signatureTimestamp: bigint("signature_timestamp", { mode: "number" }),
    bodySha256: text("body_sha256").notNull(),
    remoteAddress: text("remote_address"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("webhook_events_accepted_key").on(t.provider, t.eventId).where(sql`${t.outcome} = 'accepted'`),
    index("webhook_events_received_idx").on(t.receivedAt.desc()),
  ],
);

/**
 * The sandbox card processor's own books (it stands in for an outside company): payment intents it was
 * asked to collect, and whether it has told Quayside. Holds no card numbers either.
 */
export const sandboxCardIntents = pgTable(
  "sandbox_card_intents",
  {
    id: text("id").primaryKey(),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    description: text("description").notNull(),
    metadata: jsonb("metadata").$type<Record<string, string>>().notNull(),
    returnUrl: text("return_url").notNull(),
    /** created | requires_action | succeeded | declined */
    status: text("status").notNull().default("created"),
    declineCode: text("decline_code"),
    /** Digits only, for the 3-D Secure challenge page; cleared when the challenge ends. */
    challengeCode: text("challenge_code"),
    webhookDeliveredAt: timestamp("webhook_delivered_at", { withTimezone: true }),
    webhookAttempts: integer("webhook_attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
);
