-- ledger_post_many: a batch of one organization's postings in one call, writing what ledger_post called for each entry
-- in turn writes (the entries, their lines, each line's balance after, the accounts' balances and line counts) and
-- refusing what it refuses (a taken idempotency key fails with a unique violation; LG003 = a line would take an
-- account that may not go negative below zero, DETAIL as ledger_post's), but moving each account once per call.
-- A statement import posts thousands of entries to the same few accounts in one transaction: one update per line
-- left that many versions of each account row, which every later update, lock and key check of the row walks past.
-- Entries come as parallel arrays in posting order, each with the id it gets (chosen by the caller, so rows that
-- point at an entry can be written in the same statement); lines as flat parallel arrays in posting order, each
-- naming its entry's id. Accounts are locked in accountKey order (organization accounts, then platform ones), the
-- order of every posting's lines.
CREATE FUNCTION ledger_post_many(
  p_organization_id uuid, p_entry_ids uuid[], p_idempotency_keys text[], p_request_hashes text[], p_types text[], p_descriptions text[],
  p_cause_types text[], p_cause_ids text[], p_created_by uuid,
  p_line_entry_ids uuid[], p_owners uuid[], p_kinds ledger_account_kind[], p_currencies bpchar[], p_amounts bigint[], p_allow_negative boolean[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  entries integer := cardinality(p_entry_ids);
  lines integer := cardinality(p_line_entry_ids);
  -- Each line's entry as its position in the posting order.
  line_entries integer[];
  acc record;
  acc_owners uuid[] := '{}';
  acc_kinds ledger_account_kind[] := '{}';
  acc_currencies bpchar[] := '{}';
  account_ids uuid[] := '{}';
  openings bigint[] := '{}';
  account_id uuid;
  balance bigint;
  may_go_negative boolean;
  refused record;
BEGIN
  line_entries := ARRAY(
    SELECT e.n FROM unnest(p_line_entry_ids) WITH ORDINALITY AS l(entry_id, n)
      LEFT JOIN unnest(p_entry_ids) WITH ORDINALITY AS e(id, n) ON e.id = l.entry_id
     ORDER BY l.n);
  IF entries IS NULL OR lines IS NULL
     OR EXISTS (SELECT 1 FROM unnest(ARRAY[cardinality(p_idempotency_keys), cardinality(p_request_hashes), cardinality(p_types),
                                           cardinality(p_descriptions), cardinality(p_cause_types), cardinality(p_cause_ids)]) AS c(n)
                 WHERE c.n IS DISTINCT FROM entries)
     OR EXISTS (SELECT 1 FROM unnest(ARRAY[cardinality(p_owners), cardinality(p_kinds), cardinality(p_currencies), cardinality(p_amounts),
                                           cardinality(p_allow_negative)]) AS c(n)
                 WHERE c.n IS DISTINCT FROM lines)
     OR cardinality(line_entries) <> lines OR array_position(line_entries, NULL) IS NOT NULL THEN
    RAISE EXCEPTION 'ledger_post_many: entry and line arrays do not line up';
  END IF;

  -- First, so that a concurrent retry waits on the keys before it takes any account lock.
  INSERT INTO journal_entries (id, organization_id, idempotency_key, request_hash, type, description, cause_type, cause_id, created_by)
  SELECT e.id, p_organization_id, e.idempotency_key, e.request_hash, e.type, e.description, e.cause_type, e.cause_id, p_created_by
    FROM unnest(p_entry_ids, p_idempotency_keys, p_request_hashes, p_types, p_descriptions, p_cause_types, p_cause_ids)
         WITH ORDINALITY AS e(id, idempotency_key, request_hash, type, description, cause_type, cause_id, n)
   ORDER BY e.n;

  -- Per account: what the batch adds, its line count, and the lowest its running sum gets (the overdraft check of
  -- every line at once).
  FOR acc IN
    SELECT l.owner, l.kind, l.currency, (array_agg(l.allow_negative ORDER BY l.entry, l.n))[1] AS allow_negative,
           sum(l.amount)::bigint AS total, count(*) AS line_count, min(l.running)::bigint AS lowest
      FROM (
        SELECT x.*, sum(x.amount) OVER (PARTITION BY x.owner, x.kind, x.currency ORDER BY x.entry, x.n) AS running
          FROM unnest(line_entries, p_owners, p_kinds, p_currencies, p_amounts, p_allow_negative)
               WITH ORDINALITY AS x(entry, owner, kind, currency, amount, allow_negative, n)
      ) l
     GROUP BY l.owner, l.kind, l.currency
     ORDER BY (coalesce(l.owner::text, 'platform') || ':' || l.kind::text || ':' || l.currency::text) COLLATE "C"
  LOOP
    LOOP
      -- The literal platform owner (not a variable) lets the cached generic plan use the owner key index.
      UPDATE ledger_accounts a
         SET balance_minor = a.balance_minor + acc.total, line_count = a.line_count + acc.line_count, updated_at = now()
       WHERE coalesce(a.organization_id, '00000000-0000-0000-0000-000000000000') = coalesce(acc.owner, '00000000-0000-0000-0000-000000000000')
         AND a.kind = acc.kind AND a.currency = acc.currency
         AND (a.allow_negative OR a.balance_minor + acc.lowest >= 0)
      RETURNING a.id, a.balance_minor - acc.total INTO account_id, balance;
      EXIT WHEN FOUND;
      SELECT a.id, a.balance_minor, a.allow_negative INTO account_id, balance, may_go_negative FROM ledger_accounts a
       WHERE coalesce(a.organization_id, '00000000-0000-0000-0000-000000000000') = coalesce(acc.owner, '00000000-0000-0000-0000-000000000000')
         AND a.kind = acc.kind AND a.currency = acc.currency;
      IF FOUND AND NOT may_go_negative AND balance + acc.lowest < 0 THEN
        -- The first line that would take it below zero, named as ledger_post names it: the balance before it.
        SELECT l.amount, balance + l.running - l.amount AS before INTO refused
          FROM (
            SELECT x.amount, x.entry, x.n, sum(x.amount) OVER (ORDER BY x.entry, x.n) AS running
              FROM unnest(line_entries, p_owners, p_kinds, p_currencies, p_amounts) WITH ORDINALITY AS x(entry, owner, kind, currency, amount, n)
             WHERE x.owner IS NOT DISTINCT FROM acc.owner AND x.kind = acc.kind AND x.currency = acc.currency
          ) l
         WHERE balance + l.running < 0
         ORDER BY l.entry, l.n
         LIMIT 1;
        RAISE EXCEPTION 'ledger: insufficient funds in % %', acc.kind, acc.currency
          USING ERRCODE = 'LG003', DETAIL = json_build_object('accountId', account_id, 'kind', acc.kind,
            'currency', acc.currency, 'balanceMinor', refused.before::text, 'amountMinor', refused.amount::text);
      END IF;
      -- Found and covered: it was committed or credited after the UPDATE looked, so go round again.
      CONTINUE WHEN FOUND;
      -- A concurrent creator makes this wait for its commit; either way the next round finds the row.
      INSERT INTO ledger_accounts (organization_id, kind, currency, allow_negative)
      VALUES (acc.owner, acc.kind, acc.currency, acc.allow_negative)
      ON CONFLICT DO NOTHING;
    END LOOP;
    acc_owners := acc_owners || acc.owner;
    acc_kinds := acc_kinds || acc.kind;
    acc_currencies := acc_currencies || acc.currency;
    account_ids := account_ids || account_id;
    openings := openings || balance;
  END LOOP;

  -- In posting order, so the lines' ids follow it as one ledger_post call after another would have numbered them.
  INSERT INTO journal_lines (entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor)
  SELECT p_entry_ids[l.entry], a.id, l.owner, l.currency, l.amount,
         (a.opening + sum(l.amount) OVER (PARTITION BY a.id ORDER BY l.entry, l.n))::bigint
    FROM unnest(line_entries, p_owners, p_kinds, p_currencies, p_amounts) WITH ORDINALITY AS l(entry, owner, kind, currency, amount, n)
    JOIN unnest(acc_owners, acc_kinds, acc_currencies, account_ids, openings) AS a(owner, kind, currency, id, opening)
      ON a.owner IS NOT DISTINCT FROM l.owner AND a.kind = l.kind AND a.currency = l.currency
   ORDER BY l.entry, l.n;
END
$$;
