import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  char,
  check,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ACCOUNT_KINDS, PLATFORM_ACCOUNT_KINDS } from "../../lib/domain/ledger/accounts";
import { users } from "./auth";
import { organizations } from "./organizations";

export const ledgerAccountKind = pgEnum("ledger_account_kind", ACCOUNT_KINDS);

const platformKindList = sql.raw(PLATFORM_ACCOUNT_KINDS.map((kind) => `'${kind}'`).join(", "));

/** Stands in for "the platform" (a null organization) so one unique index covers both owners. */
export const PLATFORM_OWNER = "00000000-0000-0000-0000-000000000000";

export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for the platform's own accounts (clearing, fees, FX position). */
    organizationId: uuid("organization_id").references(() => organizations.id),
    kind: ledgerAccountKind("kind").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    allowNegative: boolean("allow_negative").notNull(),
    /** Running balance, only ever changed together with the journal line that explains it. */
    balanceMinor: bigint("balance_minor", { mode: "bigint" }).notNull().default(sql`0`),
    lineCount: bigint("line_count", { mode: "bigint" }).notNull().default(sql`0`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ledger_accounts_owner_key").on(
      sql`coalesce(${t.organizationId}, ${sql.raw(`'${PLATFORM_OWNER}'::uuid`)})`,
      t.kind,
      t.currency,
    ),
    // Target of journal_lines' (account_id, currency) foreign key: a line's currency is its account's.
    unique("ledger_accounts_id_currency_key").on(t.id, t.currency),
    check("ledger_accounts_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("ledger_accounts_overdraft_check", sql`${t.allowNegative} or ${t.balanceMinor} >= 0`),
    check(
      "ledger_accounts_owner_check",
      sql`(${t.organizationId} is null) = (${t.kind} in (${platformKindList}))`,
    ),
  ],
);

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for platform-only entries. */
    organizationId: uuid("organization_id").references(() => organizations.id),
    idempotencyKey: text("idempotency_key").notNull(),
    /** sha256 of the canonical request, to tell a retry from a different request reusing the key. */
    requestHash: text("request_hash").notNull(),
    type: text("type").notNull(),
    description: text("description").notNull(),
    reversesEntryId: uuid("reverses_entry_id").references((): AnyPgColumn => journalEntries.id),
    causeType: text("cause_type"),
    causeId: text("cause_id"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("journal_entries_idempotency_key").on(t.organizationId, t.idempotencyKey).nullsNotDistinct(),
    unique("journal_entries_reverses_key").on(t.reversesEntryId),
    index("journal_entries_org_created_idx").on(t.organizationId, t.createdAt),
    index("journal_entries_cause_idx").on(t.causeType, t.causeId),
  ],
);

export const journalLines = pgTable(
  "journal_lines",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => journalEntries.id),
    accountId: uuid("account_id").notNull(),
    /** The account's organization, copied so one organization's history pages off one index. */
    organizationId: uuid("organization_id"),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    /** The account's running balance right after this line, so history needs no summing. */
    balanceAfterMinor: bigint("balance_after_minor", { mode: "bigint" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "journal_lines_account_fk",
      columns: [t.accountId, t.currency],
      foreignColumns: [ledgerAccounts.id, ledgerAccounts.currency],
    }),
    check("journal_lines_amount_check", sql`${t.amountMinor} <> 0`),
    index("journal_lines_account_id_idx").on(t.accountId, t.id),
    index("journal_lines_org_id_idx").on(t.organizationId, t.id),
    index("journal_lines_entry_idx").on(t.entryId),
  ],
);
