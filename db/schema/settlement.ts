import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { HolidayPeriod, MakeUpWorkday } from "../../lib/domain/settlement/calendar";
import type { SettlementSchedule } from "../../lib/domain/settlement/schedule";
import { SETTLEMENT_SCHEDULE_KINDS } from "../../lib/domain/settlement/settings";
import { users } from "./auth";
import { journalEntries } from "./ledger";
import { organizations } from "./organizations";
import { payouts } from "./payouts";

export const settlementScheduleKind = pgEnum("settlement_schedule_kind", SETTLEMENT_SCHEDULE_KINDS);

/**
 * When an organization's available money in one currency is paid out, and in which currency. A currency without a
 * row settles on DEFAULT_SETTLEMENT_SCHEDULE (T+1) in defaultPayoutCurrency. Only the column of its kind is set.
 */
export const settlementSchedules = pgTable(
  "settlement_schedules",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    currency: char("currency", { length: 3 }).notNull(),
    kind: settlementScheduleKind("kind").notNull(),
    businessDays: integer("business_days"),
    weekday: integer("weekday"),
    monthDay: integer("month_day"),
    monthEnd: boolean("month_end").notNull().default(false),
    /** The currency itself (when the settlement account takes it) or CNY, converted at the run. */
    payoutCurrency: char("payout_currency", { length: 3 }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.currency] }),
    check("settlement_schedules_rolling", sql`(${t.kind} = 'rolling') = (${t.businessDays} is not null) and coalesce(${t.businessDays} between 0 and 30, true)`),
    check("settlement_schedules_weekly", sql`(${t.kind} = 'weekly') = (${t.weekday} is not null) and coalesce(${t.weekday} between 1 and 5, true)`),
    check(
      "settlement_schedules_monthly",
      sql`(${t.kind} in ('monthly', 'quarterly')) = (${t.monthDay} is not null or ${t.monthEnd}) and not (${t.monthDay} is not null and ${t.monthEnd}) and coalesce(${t.monthDay} between 1 and 31, true)`,
    ),
    check("settlement_schedules_payout_currency", sql`${t.payoutCurrency} = ${t.currency} or ${t.payoutCurrency} = 'CNY'`),
  ],
);

export const holidayYearStatus = pgEnum("holiday_year_status", ["official", "provisional"]);

/**
 * A year of the business-day calendar as platform admins edited it; it replaces the year shipped in data/holidays
 * (a year without a row uses the shipped data). Checked with holidayYearProblems before it is written.
 */
export const settlementCalendarYears = pgTable(
  "settlement_calendar_years",
  {
    year: integer("year").primaryKey(),
    status: holidayYearStatus("status").notNull(),
    source: text("source").notNull(),
    note: text("note"),
    holidays: jsonb("holidays").$type<HolidayPeriod[]>().notNull(),
    makeUpWorkdays: jsonb("make_up_workdays").$type<MakeUpWorkday[]>().notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("settlement_calendar_years_year", sql`${t.year} between 2000 and 2100`)],
);

export const settlementRunTrigger = pgEnum("settlement_run_trigger", ["job", "ops", "seed"]);

/** One settlement run (the daily job, an operator's `ops settle`, the demo seed) and what it did per account. */
export const settlementRuns = pgTable(
  "settlement_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runDate: date("run_date", { mode: "string" }).notNull(),
    /** Only this organization's accounts; null for all. */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    trigger: settlementRunTrigger("trigger").notNull(),
    settledCount: integer("settled_count").notNull().default(0),
    heldCount: integer("held_count").notNull().default(0),
    /** One result per organization and currency looked at (lib/server/settlement/run.ts AccountOutcome). */
    outcomes: jsonb("outcomes").$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("settlement_runs_date_idx").on(t.runDate)],
);

/** held: built, but its payout was refused (the reason is kept; the next run tries again); settled: paid out. */
export const settlementBatchStatus = pgEnum("settlement_batch_status", ["held", "settled", "cancelled"]);

/**
 * What one run settles of one organization's currency: the due amount (available less the credits not yet due on
 * `run_date` under `schedule`, i.e. cleared on or after `cutoff_date`), the collections it lists, its conversion and
 * payout. Amounts are the statement's totals (lib/domain/settlement/batch.ts): settled in `currency`; payout amount,
 * payout fees and net in `payout_currency`. At most one batch per account is held, and one settled per run date.
 */
export const settlementBatches = pgTable(
  "settlement_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    currency: char("currency", { length: 3 }).notNull(),
    payoutCurrency: char("payout_currency", { length: 3 }).notNull(),
    runDate: date("run_date", { mode: "string" }).notNull(),
    status: settlementBatchStatus("status").notNull(),
    schedule: jsonb("schedule").$type<SettlementSchedule>().notNull(),
    cutoffDate: date("cutoff_date", { mode: "string" }).notNull(),
    availableMinor: bigint("available_minor", { mode: "bigint" }).notNull(),
    notYetDueMinor: bigint("not_yet_due_minor", { mode: "bigint" }).notNull(),
    dueMinor: bigint("due_minor", { mode: "bigint" }).notNull(),
    grossMinor: bigint("gross_minor", { mode: "bigint" }).notNull(),
    collectionFeesMinor: bigint("collection_fees_minor", { mode: "bigint" }).notNull(),
    otherMinor: bigint("other_minor", { mode: "bigint" }).notNull(),
    settledMinor: bigint("settled_minor", { mode: "bigint" }).notNull(),
    fxFeeMinor: bigint("fx_fee_minor", { mode: "bigint" }).notNull().default(sql`0`),
    fxEntryId: uuid("fx_entry_id").references(() => journalEntries.id),
    payoutAmountMinor: bigint("payout_amount_minor", { mode: "bigint" }),
    payoutFeesMinor: bigint("payout_fees_minor", { mode: "bigint" }),
    netMinor: bigint("net_minor", { mode: "bigint" }),
    payoutId: uuid("payout_id").references(() => payouts.id),
    /** Why the payout was refused: an `errors` catalog key and its parameters. */
    holdCode: text("hold_code"),
    holdParams: jsonb("hold_params").$type<Record<string, string | number>>(),
    runId: uuid("run_id").references(() => settlementRuns.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    index("settlement_batches_org_idx").on(t.organizationId, t.runDate.desc(), t.createdAt.desc()),
    uniqueIndex("settlement_batches_settled_key").on(t.organizationId, t.currency, t.runDate).where(sql`${t.status} = 'settled'`),
    uniqueIndex("settlement_batches_held_key").on(t.organizationId, t.currency).where(sql`${t.status} = 'held'`),
    uniqueIndex("settlement_batches_payout_key").on(t.payoutId),
    check("settlement_batches_payout_currency", sql`${t.payoutCurrency} = ${t.currency} or ${t.payoutCurrency} = 'CNY'`),
    check(
      "settlement_batches_settled",
      sql`(${t.status} = 'settled') = (${t.payoutId} is not null and ${t.netMinor} > 0 and ${t.payoutAmountMinor} = ${t.netMinor} + ${t.payoutFeesMinor})`,
    ),
    check("settlement_batches_held", sql`(${t.status} = 'held') = (${t.holdCode} is not null)`),
    check("settlement_batches_amounts", sql`${t.dueMinor} > 0 and ${t.settledMinor} > 0 and ${t.settledMinor} <= ${t.dueMinor} and ${t.settledMinor} = ${t.grossMinor} - ${t.collectionFeesMinor} + ${t.otherMinor}`),
  ],
);

export const settlementLineKind = pgEnum("settlement_line_kind", ["collection", "fee", "fx"]);

/**
 * The lines of a batch's statement, in order: each collection (its ledger entry, unique among collection lines so a
 * collection is settled once), each fee (the entry that charged it, as recorded in fee_charges), the conversion.
 * Signed as they act on the payout. A held batch's lines are rebuilt when the next run tries again.
 */
export const settlementBatchLines = pgTable(
  "settlement_batch_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id").notNull().references(() => settlementBatches.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: settlementLineKind("kind").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    entryId: uuid("entry_id").references(() => journalEntries.id),
    /** Collections: `bank` (matched transfer) or `card`; their reference and the date they cleared. */
    source: text("source"),
    reference: text("reference"),
    clearedOn: date("cleared_on", { mode: "string" }),
    /** Fees: lib/domain/settlement/batch.ts BatchFeeType, the basis and rate of a rated fee. */
    feeType: text("fee_type"),
    basisMinor: bigint("basis_minor", { mode: "bigint" }),
    rate: text("rate"),
    /** The conversion: what it bought, at which customer rate and mid. */
    counterCurrency: char("counter_currency", { length: 3 }),
    counterAmountMinor: bigint("counter_amount_minor", { mode: "bigint" }),
    mid: text("mid"),
  },
  (t) => [
    uniqueIndex("settlement_batch_lines_position_key").on(t.batchId, t.position),
    uniqueIndex("settlement_batch_lines_collection_key").on(t.entryId).where(sql`${t.kind} = 'collection'`),
    check("settlement_batch_lines_collection", sql`${t.kind} <> 'collection' or (${t.entryId} is not null and ${t.clearedOn} is not null and ${t.amountMinor} > 0)`),
    check("settlement_batch_lines_fee", sql`${t.kind} <> 'fee' or (${t.feeType} is not null and ${t.amountMinor} < 0)`),
    check("settlement_batch_lines_fx", sql`${t.kind} <> 'fx' or (${t.counterCurrency} is not null and ${t.counterAmountMinor} > 0 and ${t.rate} is not null)`),
  ],
);
