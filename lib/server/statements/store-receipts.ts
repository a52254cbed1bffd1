import { createHash, randomUUID } from "node:crypto";
import type postgres from "postgres";
import { rawClient, type Transaction } from "@/db/client";
import { receiptEntry } from "@/lib/domain/collections";
import { canonicalRequest, validateEntry } from "@/lib/domain/ledger";

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
 * Stores a batch of statement credits set-based: one multi-row INSERT … ON CONFLICT DO NOTHING for the incoming
 * payments (the (account_identifier, bank_ref) key makes re-imports and concurrent overlapping imports write each
 * transaction once: a second importer waits on the first one's uncommitted row and then skips it), then one
 * statement that calls ledger_post once per created payment and links the receipt entries. Writes the same rows
 * and entries as recordBankReceipt of the collections core, without two round trips per transaction. Rows are
 * inserted in key order so that two importers of overlapping batches take the key locks in the same order.
 */
export async function storeReceipts(
  tx: Transaction,
  input: { organizationId: string; statementImportId: string; createdBy: string | null; rows: ReceiptRow[] },
): Promise<StoredReceipts> {
  if (input.rows.length === 0) return { createdIds: [], duplicates: 0 };
  const sql = rawClient(tx);
  const rows = input.rows.map((row) => ({ ...row, id: randomUUID() }));
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  const inserted = await sql<{ id: string }[]>`
    insert into incoming_payments (
      id, organization_id, source, statement_import_id, collection_account_id, account_identifier, bank_ref, currency,
      amount_minor, unapplied_minor, booking_date, value_date, reference, remittance_text, payer_name
    )
    select t.id, ${input.organizationId}::uuid, 'bank_transfer', ${input.statementImportId}::uuid, t.account_id, t.account, t.bank_ref,
           t.currency, t.amount, t.amount, t.booking_date, t.value_date, t.reference, t.remittance, t.payer
      from unnest(
        ${sql.array(column((r) => r.id))}::uuid[], ${sql.array(column((r) => r.collectionAccountId))}::uuid[],
        ${sql.array(column((r) => r.accountIdentifier))}::text[], ${sql.array(column((r) => r.bankRef))}::text[],
        ${sql.array(column((r) => r.currency))}::bpchar[], ${sql.array(column((r) => r.amountMinor.toString()))}::bigint[],
        ${sql.array(column((r) => r.bookingDate))}::date[], ${sql.array(column((r) => r.valueDate))}::date[],
        ${sql.array(column((r) => r.reference ?? null))}::text[], ${sql.array(column((r) => r.remittanceText ?? null))}::text[],
        ${sql.array(column((r) => r.payerName ?? null))}::text[]
      ) as t(id, account_id, account, bank_ref, currency, amount, booking_date, value_date, reference, remittance, payer)
     order by t.account, t.bank_ref
    on conflict (account_identifier, bank_ref) do nothing
    returning id`;
  const createdSet = new Set(inserted.map((row) => row.id));
  const created = rows.filter((row) => createdSet.has(row.id));
  if (created.length > 0) await postReceipts(sql, input.organizationId, input.createdBy, created);
  return { createdIds: created.map((row) => row.id), duplicates: rows.length - created.length };
}

/** One ledger_post per payment, all in one statement (each call still locks and moves the two balances in order). */
async function postReceipts(
  sql: postgres.Sql,
  organizationId: string,
  createdBy: string | null,
  payments: Array<ReceiptRow & { id: string }>,
): Promise<void> {
  const entries = payments.map((p) => validateEntry(receiptEntry(organizationId, p.id, p)));
  const hashes = entries.map((entry) => createHash("sha256").update(canonicalRequest(entry)).digest("hex"));
  // validateEntry puts the organization's line first (accountKey order), as ledger_post expects.
  const [first] = entries;
  if (first!.lines[0]!.account.kind !== "unapplied") throw new Error("receipt lines out of the ledger's lock order");
  await sql`
    with posted as (
      select t.id, ledger_post(
               ${organizationId}::uuid, t.idempotency_key, t.request_hash, 'collection_receipt', t.description, null::uuid,
               'incoming_payment', t.id::text, ${createdBy}::uuid,
               array[${organizationId}::uuid, null::uuid], array['unapplied', 'bank_clearing']::ledger_account_kind[],
               array[t.currency, t.currency]::bpchar[], array[t.amount, -t.amount]::bigint[], array[false, true]
             ) as entry_id
        from unnest(
          ${sql.array(payments.map((p) => p.id))}::uuid[], ${sql.array(entries.map((e) => e.idempotencyKey))}::text[],
          ${sql.array(hashes)}::text[], ${sql.array(entries.map((e) => e.description))}::text[],
          ${sql.array(payments.map((p) => p.currency))}::bpchar[], ${sql.array(payments.map((p) => p.amountMinor.toString()))}::bigint[]
        ) as t(id, idempotency_key, request_hash, description, currency, amount)
    )
    update incoming_payments p set receipt_entry_id = posted.entry_id from posted where p.id = posted.id`;
}
