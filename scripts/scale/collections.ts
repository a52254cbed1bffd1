import type postgres from "postgres";
import type { FeeSchedule } from "@/lib/domain/fees";

/**
 * Plans every paid instalment of `scale_instalment` as what the app would have written when the bank statement
 * carrying it was imported and matched by its RF reference: `scale_payment` (an incoming payment and its
 * allocation) and, in the scale journal, the receipt entry (platform bank_clearing → the organization's unapplied)
 * and the match entry (unapplied → available less the collection fee, which goes to the platform's fee_revenue).
 * The fee follows the organization's schedule: the volume tier reached by the month's collections so far (CNY
 * equivalent at `cnyRates`, the mid rates of today), rounded half-up per line like lib/domain/fees.
 */
export async function planScaleCollections(
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

  await sql`
    insert into scale_entry (id, at, tiebreak, idempotency_key, type, description, cause_type, cause_id)
    select receipt_entry_id, at, seq * 2, 'receipt:' || payment_id, 'collection_receipt',
           left('Incoming transfer from ' || payer_name || ' · SCALE-' || n || '-' || position, 200), 'incoming_payment', payment_id::text
      from scale_payment
    union all
    select match_entry_id, at, seq * 2 + 1, 'allocation:' || allocation_id, 'collection_match',
           left('Payment matched to ' || number, 200), 'payment_allocation', allocation_id::text
      from scale_payment`;
  await sql`
    insert into scale_entry_line (entry_id, k, kind, organization_id, currency, amount_minor)
    select l.entry_id, l.k, l.kind, l.owner, p.currency, l.amount_minor
      from scale_payment p
      cross join lateral (values
        (p.receipt_entry_id, 1, 'bank_clearing', null::uuid, -p.amount_minor),
        (p.receipt_entry_id, 2, 'unapplied', ${organizationId}::uuid, p.amount_minor),
        (p.match_entry_id, 1, 'unapplied', ${organizationId}::uuid, -p.amount_minor),
        (p.match_entry_id, 2, 'available', ${organizationId}::uuid, p.amount_minor - p.fee_minor),
        (p.match_entry_id, 3, 'fee_revenue', null::uuid, p.fee_minor)
      ) l(entry_id, k, kind, owner, amount_minor)`;
  return { payments };
}

/** The rows the app keeps beside the collections' entries: payments, allocations, month volumes, fee charges. */
export async function recordScaleCollections(sql: postgres.Sql, organizationId: string): Promise<void> {
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
}
