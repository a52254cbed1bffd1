import { randomUUID } from "node:crypto";
import { rawClient, type Transaction } from "@/db/client";
import { receiptEntry } from "@/lib/domain/collections";
import { validateEntry } from "@/lib/domain/ledger";
import { ledgerPostMany } from "../ledger/post-many";

/** A statement credit on one of the organization's collection accounts, ready to become an incoming payment. */
export interface ReceiptRow {
  collectionAccountId: string;
  accountIdentifier: string;
  bankRef: string;
  currency: string;
  amountMinor: bigint;
  bookingDate: string;
  valueDate: string;
  reference?: string;
  remittanceText?: string;
  payerName?: string;
}

export interface StoredReceipts {
  /** The incoming payments this call created, in the rows' order. */
  createdIds: string[];
  /** Rows whose (account, bank reference) was already known: nothing written for them. */
  duplicates: number;
}


/**
 * Stores a batch of statement credits set-based, in one statement: one multi-row INSERT … ON CONFLICT DO NOTHING for
 * the incoming payments (the (account_identifier, bank_ref) key makes re-imports and concurrent overlapping imports
 * write each transaction once: a second importer waits on the first one's uncommitted row and then skips it), each
 * naming the receipt entry it is to get, and one call of ledger_post_many posting the entries of the payments that
 * were created (the entry key is checked at the end of the statement, once they exist). Writes the same rows and
 * entries as recordBankReceipt of the collections core, without two round trips per transaction. Rows are inserted
 * in key order so that two importers of overlapping batches take the key locks in the same order.
 */
export async function storeReceipts(
  tx: Transaction,
  input: { organizationId: string; statementImportId: string; createdBy: string | null; rows: ReceiptRow[] },
): Promise<StoredReceipts> {
  if (input.rows.length === 0) return { createdIds: [], duplicates: 0 };
  const sql = rawClient(tx);
  const rows = input.rows.map((row) => ({ ...row, id: randomUUID(), entryId: randomUUID() }));
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  const entries = rows.map((row) => ({ id: row.entryId, entry: validateEntry(receiptEntry(input.organizationId, row.id, row)) }));
  const inserted = await sql<{ id: string }[]>`
    with created as (
      insert into incoming_payments (
        id, organization_id, source, statement_import_id, collection_account_id, account_identifier, bank_ref, currency,
        amount_minor, unapplied_minor, booking_date, value_date, reference, remittance_text, payer_name, receipt_entry_id
      )
      select t.id, ${input.organizationId}::uuid, 'bank_transfer', ${input.statementImportId}::uuid, t.account_id, t.account, t.bank_ref,
             t.currency, t.amount, t.amount, t.booking_date, t.value_date, t.reference, t.remittance, t.payer, t.entry_id
        from unnest(
          ${sql.array(column((r) => r.id))}::uuid[], ${sql.array(column((r) => r.collectionAccountId))}::uuid[],
          ${sql.array(column((r) => r.accountIdentifier))}::text[], ${sql.array(column((r) => r.bankRef))}::text[],
          ${sql.array(column((r) => r.currency))}::bpchar[], ${sql.array(column((r) => r.amountMinor.toString()))}::bigint[],
          ${sql.array(column((r) => r.bookingDate))}::date[], ${sql.array(column((r) => r.valueDate))}::date[],
          ${sql.array(column((r) => r.reference ?? null))}::text[], ${sql.array(column((r) => r.remittanceText ?? null))}::text[],
          ${sql.array(column((r) => r.payerName ?? null))}::text[], ${sql.array(column((r) => r.entryId))}::uuid[]
        ) as t(id, account_id, account, bank_ref, currency, amount, booking_date, value_date, reference, remittance, payer, entry_id)
       order by t.account, t.bank_ref
      on conflict (account_identifier, bank_ref) do nothing
      returning id, receipt_entry_id
    ),
    posted as (${ledgerPostMany(sql, input.organizationId, input.createdBy, entries, sql`select receipt_entry_id from created`)})
    select created.id from created left join posted on true`;
  const createdSet = new Set(inserted.map((row) => row.id));
  return { createdIds: rows.filter((row) => createdSet.has(row.id)).map((row) => row.id), duplicates: rows.length - createdSet.size };
}
