import { bigint, char, date, index, integer, pgTable, uuid } from "drizzle-orm/pg-core";
import { buyers } from "./invoices";
import { feeType } from "./fees";
import { organizations } from "./organizations";

/*
 * The dashboard's pre-aggregated figures, so that it reads a few hundred rows whatever the size of the history.
 *
 * Each table is an append-only log of deltas written by triggers (migration 0015/0016_dashboard*) in the
 * transaction that changes the underlying rows: a change never updates a shared counter row, so concurrent
 * imports, matches and card webhooks never wait on (or deadlock over) the same total. Readers sum the rows of a
 * key. The `dashboard.compact` job folds each key's rows into one every few minutes (dashboard_compact()), so the
 * tables stay about as small as their distinct keys; dashboard_rebuild(org) recomputes an organization's rows
 * from the source tables (after a bulk load with triggers off, or to check them).
 */

/**
 * What open invoices still owe, per buyer, currency and instalment due date (null: waiting on the B/L date): the sum
 * of amount − paid over instalments that are open or partly paid, of invoices that are open or partly paid, and how
 * many such instalments there are (for the buyers' average days late).
 */
export const dashboardReceivables = pgTable(
  "dashboard_receivables",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    buyerId: uuid("buyer_id").notNull().references(() => buyers.id, { onDelete: "cascade" }),
    currency: char("currency", { length: 3 }).notNull(),
    dueDate: date("due_date", { mode: "string" }),
    outstandingMinor: bigint("outstanding_minor", { mode: "bigint" }).notNull(),
    instalments: integer("instalments").notNull(),
  },
  (t) => [index("dashboard_receivables_org_idx").on(t.organizationId, t.buyerId)],
);

/** Instalments paid in full, per buyer: how many have a due date and the days late they took in all (early counts 0). */
export const dashboardLateness = pgTable(
  "dashboard_lateness",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    buyerId: uuid("buyer_id").notNull().references(() => buyers.id, { onDelete: "cascade" }),
    paidInstalments: integer("paid_instalments").notNull(),
    lateDays: bigint("late_days", { mode: "number" }).notNull(),
  },
  (t) => [index("dashboard_lateness_org_idx").on(t.organizationId, t.buyerId)],
);

/**
 * Per organization, calendar day and currency: invoices issued that day (issue date; drafts and void invoices left
 * out) and money received that day (incoming payments by booking date, bank and card; reversed ones left out).
 */
export const dashboardDaily = pgTable(
  "dashboard_daily",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    invoicedMinor: bigint("invoiced_minor", { mode: "bigint" }).notNull(),
    invoices: integer("invoices").notNull(),
    collectedMinor: bigint("collected_minor", { mode: "bigint" }).notNull(),
    payments: integer("payments").notNull(),
  },
  (t) => [index("dashboard_daily_org_day_idx").on(t.organizationId, t.day), index("dashboard_daily_day_idx").on(t.day)],
);

/** Fees charged (not reversed) per organization, month (first day, in the organization's time zone), type and currency. */
export const dashboardFees = pgTable(
  "dashboard_fees",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    month: date("month", { mode: "string" }).notNull(),
    type: feeType("type").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    charges: integer("charges").notNull(),
  },
  (t) => [index("dashboard_fees_org_month_idx").on(t.organizationId, t.month), index("dashboard_fees_month_idx").on(t.month)],
);
