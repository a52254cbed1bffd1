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
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

/** A buyer's default terms, in the shape of lib/domain/invoices' PaymentTerms. */
export type StoredPaymentTerms = Record<string, unknown>;

export interface BuyerContact {
  name?: string;
  email: string;
}

/** An overseas customer of one organization. */
export const buyers = pgTable(
  "buyers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** ISO 3166-1 alpha-2 */
    country: char("country", { length: 2 }).notNull(),
    contacts: jsonb("contacts").$type<BuyerContact[]>().notNull().default([]),
    address: text("address"),
    taxId: text("tax_id"),
    defaultCurrency: char("default_currency", { length: 3 }).notNull(),
    defaultTerms: jsonb("default_terms").$type<StoredPaymentTerms>().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("buyers_org_name_key").on(t.organizationId, sql`lower(${t.name})`),
    check("buyers_country_check", sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/** Invoice numbers: one counter per organization and year (INV-2026-0001), taken under a row lock. */
export const invoiceSequences = pgTable(
  "invoice_sequences",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year] })],
);

export const invoiceStatus = pgEnum("invoice_status", ["draft", "open", "partially_paid", "paid", "void"]);

/**
 * An invoice to a buyer. Money columns are minor units of `currency`. `is_overdue` is set by the daily job
 * when an unpaid instalment is past due; the status shown is then "overdue". Drafts have no number,
 * no RF reference and no pay token until they are issued.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    buyerId: uuid("buyer_id").notNull().references(() => buyers.id),
    number: text("number"),
    /** ISO 11649, electronic form (no spaces), e.g. RF18539007547034. */
    rfReference: text("rf_reference"),
    /** The capability in the buyer's pay link (/pay/TOKEN): 32 random bytes, base64url. */
    payToken: text("pay_token"),
    currency: char("currency", { length: 3 }).notNull(),
    status: invoiceStatus("status").notNull().default("draft"),
    isOverdue: boolean("is_overdue").notNull().default(false),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    /** The payment terms as entered (lib/domain/invoices PaymentTerms); instalments are derived from them. */
    terms: jsonb("terms").$type<StoredPaymentTerms>().notNull(),
    incoterm: text("incoterm"),
    incotermPlace: text("incoterm_place"),
    portOfLoading: text("port_of_loading"),
    portOfDischarge: text("port_of_discharge"),
    billOfLadingNumber: text("bill_of_lading_number"),
    billOfLadingDate: date("bill_of_lading_date", { mode: "string" }),
    notes: text("notes"),
    subtotalMinor: bigint("subtotal_minor", { mode: "bigint" }).notNull().default(sql`0`),
    discountMinor: bigint("discount_minor", { mode: "bigint" }).notNull().default(sql`0`),
    freightMinor: bigint("freight_minor", { mode: "bigint" }).notNull().default(sql`0`),
    insuranceMinor: bigint("insurance_minor", { mode: "bigint" }).notNull().default(sql`0`),
    otherChargesMinor: bigint("other_charges_minor", { mode: "bigint" }).notNull().default(sql`0`),
    totalMinor: bigint("total_minor", { mode: "bigint" }).notNull().default(sql`0`),
    /** Sum of live allocations to this invoice (in its currency), kept with each allocation in one transaction. */
    paidMinor: bigint("paid_minor", { mode: "bigint" }).notNull().default(sql`0`),
    /** Nearest due date of an unpaid instalment; null when nothing is due or the date waits on the B/L. */
    nextDueDate: date("next_due_date", { mode: "string" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    issuedBy: uuid("issued_by").references(() => users.id),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedBy: uuid("voided_by").references(() => users.id),
    voidReason: text("void_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invoices_org_number_key").on(t.organizationId, t.number),
    uniqueIndex("invoices_rf_reference_key").on(t.rfReference),
    uniqueIndex("invoices_pay_token_key").on(t.payToken),
    index("invoices_org_list_idx").on(t.organizationId, t.issueDate, t.id),
    index("invoices_org_status_idx").on(t.organizationId, t.status, t.nextDueDate),
    index("invoices_buyer_idx").on(t.buyerId, t.issueDate.desc()),
    check("invoices_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      "invoices_amounts_check",
      sql`${t.subtotalMinor} >= 0 and ${t.discountMinor} >= 0 and ${t.freightMinor} >= 0 and ${t.insuranceMinor} >= 0 and ${t.otherChargesMinor} >= 0 and ${t.totalMinor} >= 0 and ${t.paidMinor} >= 0 and ${t.paidMinor} <= ${t.totalMinor}`,
    ),
    check(
      "invoices_issued_check",
      sql`${t.status} = 'draft' or (${t.number} is not null and ${t.rfReference} is not null and ${t.payToken} is not null)`,
    ),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id").notNull().references(() => invoices.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    hsCode: text("hs_code"),
    /** Exact decimal, up to 3 places. */
    quantity: numeric("quantity").notNull(),
    unit: text("unit").notNull(),
    /** Exact decimal in major units, up to 4 places beyond the currency's (a screw at USD 0.0125). */
    unitPrice: numeric("unit_price").notNull(),
    /** quantity × unit price, rounded half-up to the currency's minor units. */
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
  },
  (t) => [
    uniqueIndex("invoice_lines_position_key").on(t.invoiceId, t.position),
    check("invoice_lines_values_check", sql`${t.quantity} > 0 and ${t.unitPrice} >= 0 and ${t.amountMinor} >= 0`),
  ],
);

export const instalmentStatus = pgEnum("instalment_status", ["open", "partially_paid", "paid", "void"]);

/** What is due when: one row for a single due date, several for deposit + balance; amounts sum to the invoice total. */
export const invoiceInstalments = pgTable(
  "invoice_instalments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id").notNull().references(() => invoices.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** `deposit`, `balance` or `full` (one due date). */
    label: text("label").notNull(),
    /** Basis points of the total this instalment was split by (3000 = 30 %). */
    shareBps: integer("share_bps").notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    paidMinor: bigint("paid_minor", { mode: "bigint" }).notNull().default(sql`0`),
    /** { anchor: "issue" | "bill_of_lading", days } from the terms. */
    dueRule: jsonb("due_rule").$type<{ anchor: "issue" | "bill_of_lading"; days: number }>().notNull(),
    /** Null while it waits on the B/L date. */
    dueDate: date("due_date", { mode: "string" }),
    status: instalmentStatus("status").notNull().default("open"),
    isOverdue: boolean("is_overdue").notNull().default(false),
    paidAt: timestamp("paid_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invoice_instalments_position_key").on(t.invoiceId, t.position),
    index("invoice_instalments_due_idx").on(t.organizationId, t.status, t.dueDate),
    check(
      "invoice_instalments_amounts_check",
      sql`${t.amountMinor} >= 0 and ${t.paidMinor} >= 0 and ${t.paidMinor} <= ${t.amountMinor}`,
    ),
  ],
);

export const tradeDocumentKind = pgEnum("trade_document_kind", [
  "proforma_invoice",
  "commercial_invoice",
  "packing_list",
  "bill_of_lading",
  "customs_declaration",
]);

/** Trade background attached to an invoice; bytes in the storage adapter, as for KYB documents. */
export const invoiceDocuments = pgTable(
  "invoice_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id").notNull().references(() => invoices.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    kind: tradeDocumentKind("kind").notNull(),
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invoice_documents_storage_key").on(t.storageKey),
    index("invoice_documents_invoice_idx").on(t.invoiceId),
    check("invoice_documents_size_check", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`),
  ],
);

/** Reminder emails to buyers, per organization: days before the due date, on it, and days after. */
export const reminderSettings = pgTable("reminder_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(true),
  daysBefore: integer("days_before").array().notNull().default(sql`'{7}'::integer[]`),
  onDueDate: boolean("on_due_date").notNull().default(true),
  daysAfter: integer("days_after").array().notNull().default(sql`'{3,14}'::integer[]`),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per reminder sent, so the daily job sends each (instalment, kind, offset) once. */
export const invoiceReminders = pgTable(
  "invoice_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instalmentId: uuid("instalment_id").notNull().references(() => invoiceInstalments.id, { onDelete: "cascade" }),
    /** `before`, `due` or `after` */
    kind: text("kind").notNull(),
    offsetDays: integer("offset_days").notNull(),
    emailId: uuid("email_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("invoice_reminders_once_key").on(t.instalmentId, t.kind, t.offsetDays)],
);
