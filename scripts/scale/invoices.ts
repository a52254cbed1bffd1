import type postgres from "postgres";
import { rfOrganizationPrefix } from "@/lib/domain/invoices/rf";

/** How far back the scale organization's history goes, and the terms its invoices carry. */
export const HISTORY_DAYS = 1095;

/**
 * `count` issued invoices spread evenly over the last three years (oldest first), each with one line and its
 * instalments (one in five on deposit 30 % + balance), paid the way a real ledger of receivables looks: almost all
 * old invoices paid around their due date, a tail of old debts still open, recent ones partly overdue, some paid
 * early. Every figure is derived from the invoice's number, so a run is reproducible. Writes the scratch table
 * `scale_instalment` (paid amount and date per instalment) that the collections step turns into payments.
 */
export async function createScaleInvoices(sql: postgres.Sql, input: { organizationId: string; userId: string; count: number; today: string; buyerCount: number }) {
  const { organizationId, userId, count, today, buyerCount } = input;
  // The app's ISO 11649 references (lib/domain/invoices/rf.ts), check digits computed in SQL: letters as 10..35.
  const prefix = rfOrganizationPrefix(organizationId);
  const prefixDigits = [...prefix].map((char) => parseInt(char, 36).toString()).join("");
  await sql`
    create temp table scale_invoice on commit drop as
    with buyer as (
      select id, default_currency as currency, (row_number() over (order by name, id) - 1)::int as idx
      from buyers where organization_id = ${organizationId}::uuid
    ), base as (
      select n, (${today}::date - ((${count}::bigint - n) * ${HISTORY_DAYS} / ${count})::int) as issue_date
      from generate_series(1, ${count}::int) n
    )
    select gen_random_uuid() as id, base.n, base.issue_date, buyer.id as buyer_id, buyer.currency,
           (200000 + (base.n::bigint * 7919 * 31) % 4000000)::bigint as total_minor,
           base.n % 5 = 0 as with_deposit,
           (array[30, 60, 90])[1 + base.n % 3] as days,
           row_number() over (partition by extract(year from base.issue_date) order by base.n) as seq
    from base join buyer on buyer.idx = (base.n::bigint * 7919 % ${buyerCount})::int`;

  await sql`
    create temp table scale_instalment on commit drop as
    with planned as (
      select i.id as invoice_id, i.n, 1 as position, case when i.with_deposit then 'deposit' else 'full' end as label,
             case when i.with_deposit then 3000 else 10000 end as share_bps,
             case when i.with_deposit then i.total_minor * 3000 / 10000 else i.total_minor end as amount_minor,
             case when i.with_deposit then 0 else i.days end as days, i.issue_date
      from scale_invoice i
      union all
      select i.id, i.n, 2, 'balance', 7000, i.total_minor - i.total_minor * 3000 / 10000, i.days, i.issue_date
      from scale_invoice i where i.with_deposit
    ), dated as (
      select p.*, p.issue_date + p.days as due_date, ((p.n::bigint * 40503 + p.position * 977) % 1000)::int as luck from planned p
    )
    select gen_random_uuid() as id, d.*,
           case
             when d.due_date < ${today}::date - 120 then case when d.luck >= 12 then d.amount_minor when d.luck >= 6 then d.amount_minor / 2 else 0 end
             when d.due_date < ${today}::date then case when d.luck >= 300 then d.amount_minor when d.luck >= 150 then d.amount_minor / 2 else 0 end
             else case when d.luck < 250 then d.amount_minor when d.luck < 350 then d.amount_minor / 2 else 0 end
           end as paid_minor,
           least(${today}::date - 1, greatest(d.issue_date, d.due_date + d.luck % 41 - 12)) as paid_on
    from dated d`;

  await sql`
    insert into invoices (id, organization_id, buyer_id, number, rf_reference, pay_token, currency, status, is_overdue, issue_date, terms,
                          incoterm, incoterm_place, port_of_loading, subtotal_minor, total_minor, paid_minor, next_due_date,
                          issued_at, issued_by, paid_at, created_by, created_at, updated_at)
    select i.id, ${organizationId}::uuid, i.buyer_id,
           'INV-' || extract(year from i.issue_date) || '-' || lpad(i.seq::text, 6, '0'),
           'RF' || lpad((98 - mod((${prefixDigits} || to_char(i.issue_date, 'YY') || lpad(i.seq::text, 6, '0') || '271500')::numeric, 97))::text, 2, '0')
             || ${prefix} || to_char(i.issue_date, 'YY') || lpad(i.seq::text, 6, '0'),
           md5(i.id::text || clock_timestamp()::text),
           i.currency,
           (case when s.paid = i.total_minor then 'paid' when s.paid > 0 then 'partially_paid' else 'open' end)::invoice_status,
           s.overdue, i.issue_date,
           case when i.with_deposit
             then jsonb_build_object('kind', 'deposit_balance', 'depositBps', 3000, 'depositDays', 0, 'balanceDays', i.days, 'balanceAnchor', 'issue')
             else jsonb_build_object('kind', 'single', 'days', i.days, 'anchor', 'issue') end,
           'FOB', 'Ningbo', 'Ningbo', i.total_minor, i.total_minor, s.paid, s.next_due,
           i.issue_date + time '09:30' at time zone 'Asia/Shanghai', ${userId}::uuid,
           case when s.paid = i.total_minor then s.last_paid + time '15:00' at time zone 'Asia/Shanghai' end,
           ${userId}::uuid, i.issue_date + time '09:00' at time zone 'Asia/Shanghai', now()
    from scale_invoice i
    join (
      select invoice_id, sum(paid_minor) as paid, bool_or(paid_minor < amount_minor and due_date < ${today}::date) as overdue,
             min(due_date) filter (where paid_minor < amount_minor) as next_due, max(paid_on) filter (where paid_minor > 0) as last_paid
      from scale_instalment group by invoice_id
    ) s on s.invoice_id = i.id
    order by i.n`;

  await sql`
    insert into invoice_instalments (id, invoice_id, organization_id, position, label, share_bps, amount_minor, paid_minor, due_rule, due_date, status, is_overdue, paid_at)
    select id, invoice_id, ${organizationId}::uuid, position, label, share_bps, amount_minor, paid_minor,
           jsonb_build_object('anchor', 'issue', 'days', days), due_date,
           (case when paid_minor = amount_minor then 'paid' when paid_minor > 0 then 'partially_paid' else 'open' end)::instalment_status,
           paid_minor < amount_minor and due_date < ${today}::date,
           case when paid_minor = amount_minor then paid_on + time '15:00' at time zone 'Asia/Shanghai' end
    from scale_instalment order by n, position`;

  await sql`
    insert into invoice_lines (invoice_id, position, description, hs_code, quantity, unit, unit_price, amount_minor)
    select id, 1, (array['Hex bolts M8×40, zinc plated', 'Cordless drill 18V', 'Stainless hinges 100 mm', 'Padlocks 40 mm brass',
                        'Tape measures 5 m', 'Pipe wrenches 14"', 'Cabinet handles 128 mm', 'Wood screws 4×40'])[1 + n % 8],
           (array['7318.15.00', '8467.21', '8302.10', '8301.10', '9017.80', '8204.11', '8302.42', '7318.12'])[1 + n % 8],
           1000, 'pcs', total_minor / 100000.0, total_minor
    from scale_invoice order by n`;

  await sql`
    insert into invoice_sequences (organization_id, year, last_number)
    select ${organizationId}::uuid, extract(year from issue_date)::int, max(seq) from scale_invoice group by 1, 2
    on conflict (organization_id, year) do update set last_number = greatest(invoice_sequences.last_number, excluded.last_number)`;
}
