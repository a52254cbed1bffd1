import type postgres from "postgres";
import { ACCOUNT_KINDS, mayGoNegative } from "@/lib/domain/ledger";

/**
 * The scale seed's journal (every entry the organization's), planned before it is written: `scale_entry` (one row per entry, in posting order by
 * `at` then `tiebreak`) and `scale_entry_line` (its lines: account kind, owner — null for the platform's —,
 * currency, amount). Each planner appends to both; `writeScaleLedger` then posts them all at once.
 */
export async function createScaleJournal(sql: postgres.Sql): Promise<void> {
  await sql`
    create temp table scale_entry (
      id uuid primary key, at timestamptz not null, tiebreak bigint not null, idempotency_key text not null, type text not null,
      description text not null, cause_type text not null, cause_id text not null
    ) on commit drop`;
  await sql`
    create temp table scale_entry_line (
      entry_id uuid not null, k int not null, kind text not null, organization_id uuid, currency char(3) not null, amount_minor bigint not null
    ) on commit drop`;
}

/**
 * Writes the planned journal set-based with the invariants ledger_post keeps: the accounts touched are created if
 * missing and locked first, line ids are reserved from the sequence in posting order, each balance_after is the
 * account's balance before plus the running sum of its lines, and the accounts' balances and line counts move by
 * their lines' totals. Lines of zero are left out, as validateEntry leaves them out.
 */
export async function writeScaleLedger(sql: postgres.Sql, organizationId: string): Promise<void> {
  const negativeKinds = ACCOUNT_KINDS.filter(mayGoNegative);
  await sql`delete from scale_entry_line where amount_minor = 0`;
  await sql`
    create temp table scale_touched on commit drop as
    select distinct organization_id, kind, currency from scale_entry_line`;
  await sql`
    insert into ledger_accounts (organization_id, kind, currency, allow_negative)
    select organization_id, kind::ledger_account_kind, currency, kind = any(${sql.array(negativeKinds)}::text[]) from scale_touched
    on conflict do nothing`;
  await sql`
    select a.id from ledger_accounts a
      join scale_touched t on t.kind = a.kind::text and t.currency = a.currency and t.organization_id is not distinct from a.organization_id
     order by a.id for update of a`;

  await sql`
    create temp table scale_line on commit drop as
    with numbered as (
      select l.*, e.at, row_number() over (order by e.at, e.tiebreak, l.k) as ordinal
        from scale_entry_line l join scale_entry e on e.id = l.entry_id
    )
    select n.ordinal, n.entry_id, a.id as account_id, a.organization_id, n.currency, n.amount_minor, n.at,
           a.balance_minor + sum(n.amount_minor) over (partition by a.id order by n.ordinal) as balance_after_minor
      from numbered n
      join ledger_accounts a on a.kind::text = n.kind and a.currency = n.currency and a.organization_id is not distinct from n.organization_id`;
  const [counted] = await sql<{ lines: string }[]>`select count(*)::text as lines from scale_line`;
  const lines = counted!.lines;
  if (lines === "0") return;
  const [reserved] = await sql<{ first: string }[]>`select nextval('journal_lines_id_seq')::text as first`;
  const first = reserved!.first;
  await sql`select setval('journal_lines_id_seq', ${first}::bigint + ${lines}::bigint - 1)`;

  await sql`
    insert into journal_entries (id, organization_id, idempotency_key, request_hash, type, description, cause_type, cause_id, created_at)
    select e.id, ${organizationId}::uuid, e.idempotency_key, encode(sha256(convert_to(e.idempotency_key || ':' || e.description, 'UTF8')), 'hex'),
           e.type, e.description, e.cause_type, e.cause_id, e.at
      from scale_entry e
     order by e.at, e.tiebreak`;
  await sql`
    insert into journal_lines (id, entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor, created_at)
    select ${first}::bigint - 1 + ordinal, entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor, at
      from scale_line order by ordinal`;
  await sql`
    update ledger_accounts a set balance_minor = a.balance_minor + t.total, line_count = a.line_count + t.lines, updated_at = now()
      from (select account_id, sum(amount_minor) as total, count(*) as lines from scale_line group by account_id) t
     where a.id = t.account_id`;
}
