import { and, asc, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { feeCharges } from "@/db/schema";
import type { FeeLine, FeeType } from "@/lib/domain/fees";
import { addDays, type IsoDate } from "@/lib/domain/settlement";
import { DEFAULT_TIME_ZONE, startOfLocalDate } from "@/lib/domain/time/local-day";

/** Settlement counts days in China time. */
export const SETTLEMENT_TIME_ZONE = DEFAULT_TIME_ZONE;

/** The ledger entry types of collections becoming available: a bank transfer matched to an invoice, a card payment clearing. */
export const COLLECTION_ENTRY_TYPES = ["collection_match", "card_clearing"] as const;

/** Collections listed in one batch at most (the oldest first); the rest wait for the next, the other line reconciling. */
export const MAX_COLLECTIONS_PER_BATCH = 5_000;
/** How far back a batch looks for collections not yet listed in any batch; older money is settled unlisted. */
export const COLLECTION_LOOKBACK_DAYS = 400;

/**
 * The date a credit to available cleared, in China time: for a matched bank transfer the bank's value date, for a card
 * payment the day it cleared, for anything else (conversions, released reserves, returned payouts) the day it was
 * posted; never later than the day it was posted, so that whatever cleared on or after a date was posted on or after it.
 */
const clearedOn = sql`least(ip.value_date, (cp.cleared_at at time zone ${SETTLEMENT_TIME_ZONE})::date, (e.created_at at time zone ${SETTLEMENT_TIME_ZONE})::date)`;

const causes = sql`
  left join payment_allocations pa
    on e.cause_type = 'payment_allocation' and pa.id = (case when e.cause_type = 'payment_allocation' then e.cause_id end)::uuid
  left join incoming_payments ip on ip.id = pa.payment_id
  left join card_payments cp
    on e.cause_type = 'card_payment' and cp.id = (case when e.cause_type = 'card_payment' then e.cause_id end)::uuid`;

const notReversed = sql`not exists (select 1 from journal_entries r where r.reverses_entry_id = e.id)`;

/** The credits to the available account that cleared on or after `cutoff`, not since reversed: money not yet due. */
export async function notYetDueMinor(executor: Executor, input: { organizationId: string; accountId: string; cutoff: IsoDate }): Promise<bigint> {
  const [row] = await executor.execute<{ total: bigint }>(sql`
    select coalesce(sum(l.amount_minor), 0)::bigint as total
    from journal_entries e
    join journal_lines l on l.entry_id = e.id and l.account_id = ${input.accountId} and l.amount_minor > 0
    ${causes}
    where e.organization_id = ${input.organizationId}
      and e.created_at >= ${startOfLocalDate(input.cutoff, SETTLEMENT_TIME_ZONE).toISOString()}::timestamptz
      and ${notReversed}
      and ${clearedOn} >= ${input.cutoff}::date`);
  return BigInt(row?.total ?? 0n);
}

/** A collection a batch lists: its ledger entry, what reached available and the fees charged on it. */
export interface DueCollection {
  entryId: string;
  source: "bank" | "card";
  reference: string;
  clearedOn: IsoDate;
  netMinor: bigint;
  fees: FeeLine[];
  grossMinor: bigint;
}

/**
 * The collections that are due (cleared before `cutoff`), not reversed and not listed in any batch yet, oldest first,
 * with their collection fees as recorded in fee_charges; the gross is what reached available plus those fees.
 */
export async function dueCollections(
  executor: Executor,
  input: { organizationId: string; accountId: string; currency: string; cutoff: IsoDate; runDate: IsoDate },
): Promise<DueCollection[]> {
  const since = startOfLocalDate(addDays(input.runDate, -COLLECTION_LOOKBACK_DAYS), SETTLEMENT_TIME_ZONE);
  const rows = await executor.execute<{ entry_id: string; type: string; net_minor: bigint; cleared_on: string; reference: string }>(sql`
    select e.id as entry_id, e.type, l.amount_minor as net_minor, (${clearedOn})::text as cleared_on,
           coalesce(nullif(concat_ws(' · ', coalesce(inv.number, cinv.number), coalesce(ip.bank_ref, cp.processor_payment_id)), ''), e.description) as reference
    from journal_entries e
    join journal_lines l on l.entry_id = e.id and l.account_id = ${input.accountId} and l.amount_minor > 0
    ${causes}
    left join invoices inv on inv.id = pa.invoice_id
    left join invoices cinv on cinv.id = cp.invoice_id
    where e.organization_id = ${input.organizationId}
      and e.created_at >= ${since.toISOString()}::timestamptz
      and e.type in (${sql.join(
        COLLECTION_ENTRY_TYPES.map((type) => sql`${type}`),
        sql`, `,
      )})
      and ${notReversed}
      and not exists (select 1 from settlement_batch_lines b where b.kind = 'collection' and b.entry_id = e.id)
      and ${clearedOn} < ${input.cutoff}::date
    order by cleared_on, e.created_at, e.id
    limit ${MAX_COLLECTIONS_PER_BATCH}`);
  if (rows.length === 0) return [];
  const charges = await executor
    .select({ entryId: feeCharges.entryId, type: feeCharges.type, currency: feeCharges.currency, basisMinor: feeCharges.basisMinor, rate: feeCharges.rate, amountMinor: feeCharges.amountMinor })
    .from(feeCharges)
    .where(and(inArray(feeCharges.entryId, rows.map((row) => row.entry_id)), isNull(feeCharges.reversedAt)))
    .orderBy(asc(feeCharges.type), asc(feeCharges.id));
  const feesByEntry = new Map<string, FeeLine[]>();
  for (const { entryId, type, ...charge } of charges) {
    const fee = { type: type as FeeType, ...charge };
    const fees = feesByEntry.get(entryId);
    if (fees) fees.push(fee);
    else feesByEntry.set(entryId, [fee]);
  }
  return rows.map((row) => {
    const fees = feesByEntry.get(row.entry_id) ?? [];
    const netMinor = BigInt(row.net_minor);
    return {
      entryId: row.entry_id,
      source: row.type === "card_clearing" ? "card" : "bank",
      reference: row.reference.slice(0, 200),
      clearedOn: row.cleared_on,
      netMinor,
      fees,
      grossMinor: netMinor + fees.reduce((total, fee) => total + fee.amountMinor, 0n),
    };
  });
}
