import { type SQL, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client";
import { ACCOUNT_KINDS, mayGoNegative } from "../../domain/ledger";

export interface InvariantFailure {
  invariant: string;
  count: number;
  /** The first offending ids (entries, accounts or lines, as the invariant says). */
  firstIds: string[];
}

export interface LedgerReport {
  entries: number;
  lines: number;
  accounts: number;
  failures: InvariantFailure[];
}

const SAMPLE = 5;

const negativeKinds = sql.raw(
  ACCOUNT_KINDS.filter(mayGoNegative)
    .map((kind) => `'${kind}'`)
    .join(", "),
);

/** Each query returns the ids that break the invariant, in a column named id. */
const INVARIANTS: { invariant: string; violations: SQL }[] = [
  {
    invariant: "entry lines sum to zero per currency (entry ids)",
    violations: sql`select distinct entry_id as id from journal_lines group by entry_id, currency having sum(amount_minor) <> 0`,
  },
  {
    invariant: "every entry has at least two lines (entry ids)",
    violations: sql`
      select e.id from journal_entries e left join journal_lines l on l.entry_id = e.id
      group by e.id having count(l.id) < 2`,
  },
  {
    invariant: "account balance and line count equal the sum and count of its lines and its last balance_after (account ids)",
    violations: sql`
      select a.id from ledger_accounts a
      left join (
        select account_id, sum(amount_minor) as total, count(*) as lines, max(id) as last_id
        from journal_lines group by account_id
      ) t on t.account_id = a.id
      left join journal_lines last on last.id = t.last_id
      where a.balance_minor <> coalesce(t.total, 0)
         or a.line_count <> coalesce(t.lines, 0)
         or last.balance_after_minor is distinct from (case when t.last_id is null then null else a.balance_minor end)`,
  },
  {
    invariant: "each line's balance_after is the running sum of its account's lines (line ids)",
    violations: sql`
      select id from (
        select id, balance_after_minor, sum(amount_minor) over (partition by account_id order by id) as running
        from journal_lines
      ) l where running <> balance_after_minor`,
  },
  {
    invariant: "accounts that may not go negative never did (account ids)",
    violations: sql`
      select a.id from ledger_accounts a
      where not a.allow_negative
        and (a.balance_minor < 0 or exists (select 1 from journal_lines l where l.account_id = a.id and l.balance_after_minor < 0))`,
  },
  {
    invariant: "allow_negative matches the account catalogue (account ids)",
    violations: sql`select id from ledger_accounts where allow_negative <> (kind in (${negativeKinds}))`,
  },
  {
    invariant: "lines touch only their entry's organization or the platform, and copy their account's organization (line ids)",
    violations: sql`
      select l.id from journal_lines l
      join ledger_accounts a on a.id = l.account_id
      join journal_entries e on e.id = l.entry_id
      where l.organization_id is distinct from a.organization_id
         or (a.organization_id is not null and a.organization_id is distinct from e.organization_id)`,
  },
  {
    invariant: "a reversal reverses a non-reversal entry of its own organization, line for line negated (reversal entry ids)",
    violations: sql`
      select r.id from journal_entries r
      join journal_entries o on o.id = r.reverses_entry_id
      where o.organization_id is distinct from r.organization_id
         or o.reverses_entry_id is not null
         or exists (
           (select account_id, -amount_minor from journal_lines where entry_id = o.id)
           except all (select account_id, amount_minor from journal_lines where entry_id = r.id))
         or exists (
           (select account_id, amount_minor from journal_lines where entry_id = r.id)
           except all (select account_id, -amount_minor from journal_lines where entry_id = o.id))`,
  },
];

/** Runs every check inside `tx`; give it a repeatable-read transaction so all checks see one snapshot. */
export async function checkLedger(tx: Transaction): Promise<LedgerReport> {
  const failures: InvariantFailure[] = [];
  for (const { invariant, violations } of INVARIANTS) {
    const rows = await tx.execute<{ id: string; total: bigint }>(sql`
      select v.id::text as id, count(*) over () as total from (${violations}) v order by v.id limit ${SAMPLE}`);
    if (rows.length > 0) {
      failures.push({ invariant, count: Number(rows[0]!.total), firstIds: rows.map((row) => row.id) });
    }
  }
  const [counts] = await tx.execute<{ entries: bigint; lines: bigint; accounts: bigint }>(sql`
    select (select count(*) from journal_entries) as entries,
           (select count(*) from journal_lines) as lines,
           (select count(*) from ledger_accounts) as accounts`);
  return {
    entries: Number(counts!.entries),
    lines: Number(counts!.lines),
    accounts: Number(counts!.accounts),
    failures,
  };
}

/** Checks the whole ledger against one consistent snapshot, while postings go on. */
export async function verifyLedger(database: Database): Promise<LedgerReport> {
  return database.transaction(checkLedger, { isolationLevel: "repeatable read", accessMode: "read only" });
}

export function formatLedgerReport(report: LedgerReport): string {
  const counts = `${report.entries} entries, ${report.lines} lines, ${report.accounts} accounts`;
  if (report.failures.length === 0) return `OK: ledger verified (${counts})`;
  return [
    `FAILED: ${report.failures.length} invariant(s) broken (${counts})`,
    ...report.failures.map((f) => `  ${f.invariant}: ${f.count} offending, first: ${f.firstIds.join(", ")}`),
  ].join("\n");
}
