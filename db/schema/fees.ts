import { sql } from "drizzle-orm";
import { bigint, char, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { StoredFeeSchedule } from "../../lib/domain/fees/stored";
import { users } from "./auth";
import { journalEntries } from "./ledger";
import { organizations } from "./organizations";

/**
 * The published versions of each organization's fee schedule. A version prices activity from `effective_from`
 * (China time) until the next version's; rows are never changed once published. An organization without a row
 * is priced on STANDARD_FEE_SCHEDULE (lib/domain/fees/schedule.ts).
 */
export const feeSchedules = pgTable(
  "fee_schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    schedule: jsonb("schedule").$type<StoredFeeSchedule>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("fee_schedules_org_version_idx").on(t.organizationId, t.version),
    index("fee_schedules_org_effective_idx").on(t.organizationId, t.effectiveFrom),
  ],
);

export const feeType = pgEnum("fee_type", ["collection", "risk_surcharge", "payout", "expedited_payout", "statement_import", "chargeback"]);

/**
 * Every fee charged, one row per fee line, written in the transaction of the ledger entry that carries it (whose
 * fee_revenue line sums these rows). Statements, the dashboard's fees by type and fee revenue read from here.
 * A reversed entry's fees are marked with `reversed_at`, not deleted.
 */
export const feeCharges = pgTable(
  "fee_charges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id").notNull().references(() => journalEntries.id),
    type: feeType("type").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    basisMinor: bigint("basis_minor", { mode: "bigint" }),
    rate: text("rate"),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    chargedAt: timestamp("charged_at", { withTimezone: true }).notNull().defaultNow(),
    reversedAt: timestamp("reversed_at", { withTimezone: true }),
  },
  (t) => [
    index("fee_charges_org_charged_idx").on(t.organizationId, t.chargedAt),
    index("fee_charges_entry_idx").on(t.entryId),
    check("fee_charges_amount_positive", sql`${t.amountMinor} > 0`),
  ],
);
