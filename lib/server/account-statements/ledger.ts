import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { PLATFORM_OWNER } from "@/db/schema/ledger";
import type { StatementAccount, StatementPosting } from "@/lib/domain/account-statements";
import { ORGANIZATION_ACCOUNT_KINDS, type OrganizationAccountKind } from "@/lib/domain/ledger";
import type { CurrencyCode } from "@/lib/domain/money";

export interface StatementLedger {
  accounts: StatementAccount[];
  postings: StatementPosting[];
  /** The platform's fee_revenue line of each of the month's entries in the currency, by entry id. */
  feeRevenue: Map<string, bigint>;
}

type LineTuple = [id: string, entryId: string, amount: string, postedAtMs: string, type: string, description: string, causeType: string | null, causeId: string | null, reversesEntryId: string | null];

export interface StatementPeriod {
  organizationId: string;
  currency: CurrencyCode;
  start: Date;
  end: Date;
}

interface AccountRow extends Record<string, unknown> {
  kind: string;
  is_fee: boolean;
  balance_minor: bigint;
  since_start: bigint;
  since_end: bigint;
  lines: LineTuple[];
}

const OWNER = sql.raw(`'${PLATFORM_OWNER}'::uuid`);
const ORGANIZATION_KINDS = sql.raw(ORGANIZATION_ACCOUNT_KINDS.map((kind) => `'${kind}'`).join(", "));

/**
 * What the ledger says about one organization's accounts in one currency for the period [start, end), in ONE
 * statement so that balances and lines come from one snapshot even while postings go on:
 * - each account's balance before `start` and at `end`: its running balance less the lines posted since;
 * - the period's lines on those accounts, and the fee_revenue lines of the same entries (the fees they took).
 * Lines are reached through the organization's entries by time (journal_entries_org_created_idx), then by entry
 * (journal_lines_entry_idx): the cost is the organization's activity since `start`, never another organization's.
 * Accounts are found by the owner key index. An entry's lines share its posting time.
 */
export function statementLedgerQuery({ organizationId, currency, start, end }: StatementPeriod): SQL {
  return sql`
    with acc as (
      select a.id, a.kind, a.balance_minor, false as is_fee
        from ledger_accounts a
       where coalesce(a.organization_id, ${OWNER}) = ${organizationId}::uuid
         and a.kind in (${ORGANIZATION_KINDS}) and a.currency = ${currency}
      union all
      select a.id, a.kind, 0, true
        from ledger_accounts a
       where coalesce(a.organization_id, ${OWNER}) = ${OWNER} and a.kind = 'fee_revenue' and a.currency = ${currency}
    ),
    recent as materialized (
      select l.id, l.entry_id, l.account_id, l.amount_minor, e.created_at, e.type, e.description, e.cause_type, e.cause_id, e.reverses_entry_id
        from journal_entries e
        join journal_lines l on l.entry_id = e.id
       where e.organization_id = ${organizationId}::uuid and e.created_at >= ${start.toISOString()}::timestamptz
         and l.account_id in (select id from acc)
    )
    select acc.kind::text as kind, acc.is_fee, acc.balance_minor,
           (select coalesce(sum(r.amount_minor), 0)::bigint from recent r where r.account_id = acc.id) as since_start,
           (select coalesce(sum(r.amount_minor), 0)::bigint from recent r
             where r.account_id = acc.id and r.created_at >= ${end.toISOString()}::timestamptz) as since_end,
           (select coalesce(json_agg(json_build_array(
                     r.id::text, r.entry_id, r.amount_minor::text, floor(extract(epoch from r.created_at) * 1000)::bigint::text,
                     r.type, r.description, r.cause_type, r.cause_id, r.reverses_entry_id) order by r.id), '[]'::json)
              from recent r where r.account_id = acc.id and r.created_at < ${end.toISOString()}::timestamptz) as lines
      from acc
  `;
}

/** The ledger's balances and lines for one organization, currency and period; see statementLedgerQuery. */
export async function statementLedger(executor: Executor, period: StatementPeriod): Promise<StatementLedger> {
  const rows = await executor.execute<AccountRow>(statementLedgerQuery(period));
  const accounts: StatementAccount[] = [];
  const postings: StatementPosting[] = [];
  const feeRevenue = new Map<string, bigint>();
  for (const row of rows) {
    if (row.is_fee) {
      for (const [, entryId, amount] of row.lines) feeRevenue.set(entryId, (feeRevenue.get(entryId) ?? 0n) + BigInt(amount));
      continue;
    }
    const kind = row.kind as OrganizationAccountKind;
    const balance = BigInt(row.balance_minor);
    accounts.push({ kind, openingMinor: balance - BigInt(row.since_start), ledgerClosingMinor: balance - BigInt(row.since_end) });
    for (const [lineId, entryId, amount, postedAtMs, type, description, causeType, causeId, reversesEntryId] of row.lines) {
      postings.push({
        lineId,
        entryId,
        accountKind: kind,
        amountMinor: BigInt(amount),
        postedAt: new Date(Number(postedAtMs)),
        entryType: type,
        description,
        cause: causeType !== null && causeId !== null ? { type: causeType, id: causeId } : null,
        reversesEntryId,
      });
    }
  }
  return { accounts, postings, feeRevenue };
}

/** The currencies the organization holds any account in, through the owner key index. */
export async function statementCurrencies(executor: Executor, organizationId: string): Promise<CurrencyCode[]> {
  const rows = await executor.execute<{ currency: string }>(sql`
    select distinct a.currency from ledger_accounts a
     where coalesce(a.organization_id, ${OWNER}) = ${organizationId}::uuid and a.kind in (${ORGANIZATION_KINDS})
     order by a.currency`);
  return rows.map((row) => row.currency);
}
