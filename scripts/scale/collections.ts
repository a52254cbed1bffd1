import type postgres from "postgres";
import type { FeeSchedule } from "@/lib/domain/fees";

/**
 * Turns every paid instalment of `scale_instalment` into what the app would have written when the bank statement
 * carrying it was imported and matched by its RF reference: an incoming payment, its allocation, the receipt entry
 * (platform bank_clearing → the organization's unapplied) and the match entry (unapplied → available less the
 * collection fee, which goes to the platform's fee_revenue and is recorded in fee_charges), and the month volumes
 * (collection_volumes) the fee tiers read. The fee follows the
 * organization's schedule: the volume tier reached by the month's collections so far (CNY equivalent at
 * `cnyRates`, the mid rates of today), rounded half-up per line like lib/domain/fees.
 *
 * The ledger rows are written set-based with the same invariants ledger_post keeps: line ids are reserved from the
 * sequence in posting order, each balance_after is the account's balance before plus the running sum, and the
 * accounts touched are locked first so that nothing else posts to them meanwhile.
 */
export async function createScaleCollections(
  sql: postgres.Sql,
  input: { organizationId: string; schedule: FeeSchedule; cnyRates: Record<string, string> },
): Promise<{ payments: number }> {
  const { organizationId, schedule } = input;
  const [tier1, tier2] = [...schedule.collection.volumeTiers, { fromMonthVolumeCnyMinor: -1n, bps: 0 }, { fromMonthVolumeCnyMinor: -1n, bps: 0 }];
  const tierSql = (tier: typeof tier1) => (tier!.fromMonthVolumeCnyMinor < 0n ? null : tier!.fromMonthVolumeCnyMinor.toString());

  await sql`
    create temp table scale_payment on commit drop as
    with paid as (
      select s.id as instalment_id, s.invoice_id, s.n, s.position, s.paid_minor as amount_minor, s.paid_on,
             i.currency, i.buyer_id, inv.number, inv.rf_reference, b.name as payer_name,
             ca.id as collection_account_id, ca.account_identifier,
             (s.paid_on + time '10:00' at time zone 'Asia/Shanghai') + (s.n % 18000) * interval '1 second' as at
      from scale_instalment s
      join scale_invoice i on i.id = s.invoice_id
      join invoices inv on inv.id = s.invoice_id
      join buyers b on b.id = i.buyer_id
      join collection_accounts ca on ca.organization_id = ${organizationId} and ca.currency = i.currency
      where s.paid_minor > 0
    ), ordered as (
      select p.*, row_number() over (order by p.at, p.n, p.position) as seq,
             round(p.amount_minor * (${JSON.stringify(input.cnyRates)}::jsonb ->> p.currency::text)::numeric)::bigint as cny_minor
      from paid p
    ), volume as (
      select o.*, coalesce(sum(o.cny_minor) over (partition by date_trunc('month', o.paid_on) order by o.seq
                                                   rows between unbounded preceding and 1 preceding), 0) as month_volume_before
      from ordered o
    )
    select gen_random_uuid() as payment_id, gen_random_uuid() as allocation_id,
           gen_random_uuid() as receipt_entry_id, gen_random_uuid() as match_entry_id, v.*,
           (v.amount_minor * bps.bps + 5000) / 10000 as fee_minor, bps.bps
    from volume v
    cross join lateral (select case
        when ${tierSql(tier2)}::numeric is not null and v.month_volume_before >= ${tierSql(tier2)}::numeric then ${tier2!.bps}::int
        when ${tierSql(tier1)}::numeric is not null and v.month_volume_before >= ${tierSql(tier1)}::numeric then ${tier1!.bps}::int
        else ${schedule.collection.baseBps}::int end as bps) bps`;
  const [{ payments } = { payments: 0 }] = await sql<{ payments: number }[]>`select count(*)::int as payments from scale_payment`;
  if (payments === 0) return { payments };

  await sql`
    insert into ledger_accounts (organization_id, kind, currency, allow_negative)
    select owner, kind::ledger_account_kind, currency, kind in ('bank_clearing')
    from (select distinct currency from scale_payment) c
    cross join (values (${organizationId}::uuid, 'unapplied'), (${organizationId}::uuid, 'available'), (null::uuid, 'bank_clearing'), (null::uuid, 'fee_revenue')) k(owner, kind)
    on conflict do nothing`;
  const touched = sql`
    a.currency in (select distinct currency from scale_payment)
    and ((a.organization_id = ${organizationId} and a.kind in ('unapplied', 'available'))
      or (a.organization_id is null and a.kind in ('bank_clearing', 'fee_revenue')))`;
  await sql`select a.id from ledger_accounts a where ${touched} order by a.id for update`;
  await sql`
    create temp table scale_account on commit drop as
    select a.id, a.organization_id, a.kind::text as kind, a.currency, a.balance_minor
    from ledger_accounts a where ${touched}`;

  await sql`
    create temp table scale_line on commit drop as
    with planned as (
      select p.seq, l.k, l.entry_id, l.kind, p.currency, l.amount_minor, p.at
      from scale_payment p
      cross join lateral (values
        (1, p.receipt_entry_id, 'bank_clearing', -p.amount_minor),
        (2, p.receipt_entry_id, 'unapplied', p.amount_minor),
        (3, p.match_entry_id, 'unapplied', -p.amount_minor),
        (4, p.match_entry_id, 'available', p.amount_minor - p.fee_minor),
        (5, p.match_entry_id, 'fee_revenue', p.fee_minor)
      ) l(k, entry_id, kind, amount_minor)
      where l.amount_minor <> 0
    ), numbered as (
      select planned.*, row_number() over (order by seq, k) as ordinal from planned
    )
    select n.ordinal, n.entry_id, a.id as account_id, a.organization_id, n.currency, n.amount_minor, n.at,
           a.balance_minor + sum(n.amount_minor) over (partition by a.id order by n.ordinal) as balance_after_minor
    from numbered n join scale_account a on a.kind = n.kind and a.currency = n.currency`;
  const [counted] = await sql<{ lines: string }[]>`select count(*)::text as lines from scale_line`;
  const lines = counted!.lines;
  const [reserved] = await sql<{ first: string }[]>`select nextval('journal_lines_id_seq')::text as first`;
  const first = reserved!.first;
  await sql`select setval('journal_lines_id_seq', ${first}::bigint + ${lines}::bigint - 1)`;

  await sql`
    insert into journal_entries (id, organization_id, idempotency_key, request_hash, type, description, cause_type, cause_id, created_at)
    select id, ${organizationId}::uuid, key, encode(sha256(convert_to(key || ':' || description, 'UTF8')), 'hex'), type, description, cause_type, cause_id, at
    from (
      select p.seq, 1 as k, p.receipt_entry_id as id, 'receipt:' || p.payment_id as key, 'collection_receipt' as type,
             left('Incoming transfer from ' || p.payer_name || ' · SCALE-' || p.n || '-' || p.position, 200) as description,
             'incoming_payment' as cause_type, p.payment_id::text as cause_id, p.at
      from scale_payment p
      union all
      select p.seq, 2, p.match_entry_id, 'allocation:' || p.allocation_id, 'collection_match',
             left('Payment matched to ' || p.number, 200), 'payment_allocation', p.allocation_id::text, p.at
      from scale_payment p
    ) e order by seq, k`;
  await sql`
    insert into journal_lines (id, entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor, created_at)
    select ${first}::bigint - 1 + ordinal, entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor, at
    from scale_line order by ordinal`;
  await sql`
    update ledger_accounts a set balance_minor = a.balance_minor + t.total, line_count = a.line_count + t.lines, updated_at = now()
    from (select account_id, sum(amount_minor) as total, count(*) as lines from scale_line group by account_id) t
    where a.id = t.account_id`;

  await sql`
    insert into incoming_payments (id, organization_id, source, collection_account_id, account_identifier, bank_ref, currency, amount_minor,
                                   unapplied_minor, booking_date, value_date, reference, remittance_text, payer_name, match_status, buyer_id,
                                   receipt_entry_id, created_at)
    select payment_id, ${organizationId}::uuid, 'bank_transfer', collection_account_id, account_identifier, 'SCALE-' || n || '-' || position,
           currency, amount_minor, 0, paid_on, paid_on, rf_reference, 'Payment ' || number, payer_name, 'matched', buyer_id, receipt_entry_id, at
    from scale_payment order by seq`;
  await sql`
    insert into payment_allocations (id, organization_id, payment_id, target, invoice_id, instalment_id, buyer_id, method, amount_minor,
                                     invoice_amount_minor, fee_minor, volume_cny_minor, entry_id, created_at)
    select allocation_id, ${organizationId}::uuid, payment_id, 'invoice', invoice_id, instalment_id, buyer_id, 'rf_reference', amount_minor,
           amount_minor, fee_minor, cny_minor, match_entry_id, at
    from scale_payment order by seq`;
  await sql`
    insert into collection_volumes (organization_id, month, volume_cny_minor)
    select ${organizationId}::uuid, to_char(paid_on, 'YYYY-MM'), sum(cny_minor) from scale_payment group by 2
    on conflict (organization_id, month) do update set volume_cny_minor = collection_volumes.volume_cny_minor + excluded.volume_cny_minor, updated_at = now()`;
  await sql`
    insert into fee_charges (organization_id, entry_id, type, currency, basis_minor, rate, amount_minor, charged_at)
    select ${organizationId}::uuid, match_entry_id, 'collection', currency, amount_minor, rtrim((bps / 10000.0)::text, '0'), fee_minor, at
    from scale_payment where fee_minor > 0 order by seq`;
  return { payments };
}
