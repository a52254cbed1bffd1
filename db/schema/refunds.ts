import { sql } from "drizzle-orm";
import { bigint, char, check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { buyers } from "./invoices";
import { journalEntries } from "./ledger";
import { organizations } from "./organizations";

/** `sent` when the bank accepted the transfer (the sandbox bank sends at once); `returned` when it came back. */
export const buyerRefundStatus = pgEnum("buyer_refund_status", ["sent", "returned"]);

/**
 * Money paid back to a buyer out of the credit kept for them (overpayments). Each posts one ledger entry
 * (idempotency key `buyer-refund:<id>`): the organization's buyer_credit → the platform's payout_clearing.
 * `beneficiary_account` is an IBAN (electronic form) or an account number; `beneficiary_bank` a BIC or a bank name.
 */
export const buyerRefunds = pgTable(
  "buyer_refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    buyerId: uuid("buyer_id").notNull().references(() => buyers.id),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "bigint" }).notNull(),
    beneficiaryName: text("beneficiary_name").notNull(),
    beneficiaryAccount: text("beneficiary_account").notNull(),
    beneficiaryBank: text("beneficiary_bank").notNull(),
    reference: text("reference"),
    status: buyerRefundStatus("status").notNull().default("sent"),
    entryId: uuid("entry_id").notNull().references(() => journalEntries.id),
    requestedBy: uuid("requested_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("buyer_refunds_org_buyer_idx").on(t.organizationId, t.buyerId),
    check("buyer_refunds_amount_check", sql`${t.amountMinor} > 0`),
  ],
);
