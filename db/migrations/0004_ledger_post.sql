-- ledger_post: a whole posting in one call, so that outside a transaction it is one statement,
-- one round trip and its own transaction. Lines come as parallel arrays, in the caller's lock
-- order (organization accounts, then platform accounts). Refusals: LG003 = insufficient funds
-- (DETAIL: JSON naming the account), LG004 = idempotency key taken by different content
-- (DETAIL: that entry's id). A replay returns the existing entry and writes nothing.
CREATE FUNCTION ledger_post(
  p_organization_id uuid, p_idempotency_key text, p_request_hash text, p_type text, p_description text,
  p_reverses_entry_id uuid, p_cause_type text, p_cause_id text, p_created_by uuid,
  p_owners uuid[], p_kinds ledger_account_kind[], p_currencies bpchar[], p_amounts bigint[], p_allow_negative boolean[],
  OUT entry_id uuid, OUT replayed boolean
) LANGUAGE plpgsql AS $$
DECLARE
  account_ids uuid[] := '{}';
  balances bigint[] := '{}';
  account_id uuid;
  balance bigint;
  may_go_negative boolean;
  taken_hash text;
BEGIN
  -- First, so that a concurrent retry waits on the key before it takes any account lock.
  INSERT INTO journal_entries AS e
    (organization_id, idempotency_key, request_hash, type, description, reverses_entry_id, cause_type, cause_id, created_by)
  VALUES (p_organization_id, p_idempotency_key, p_request_hash, p_type, p_description, p_reverses_entry_id, p_cause_type, p_cause_id, p_created_by)
  ON CONFLICT (organization_id, idempotency_key) DO NOTHING
  RETURNING e.id INTO entry_id;
  IF entry_id IS NULL THEN
    -- Two queries, as IS NOT DISTINCT FROM could not use the key's index.
    IF p_organization_id IS NULL THEN
      SELECT e.id, e.request_hash INTO entry_id, taken_hash FROM journal_entries e
       WHERE e.organization_id IS NULL AND e.idempotency_key = p_idempotency_key;
    ELSE
      SELECT e.id, e.request_hash INTO entry_id, taken_hash FROM journal_entries e
       WHERE e.organization_id = p_organization_id AND e.idempotency_key = p_idempotency_key;
    END IF;
    IF taken_hash IS DISTINCT FROM p_request_hash THEN
      RAISE EXCEPTION 'ledger: idempotency key % was already used for a different entry', p_idempotency_key
        USING ERRCODE = 'LG004', DETAIL = entry_id;
    END IF;
    replayed := true;
    RETURN;
  END IF;

  FOR i IN 1 .. cardinality(p_amounts) LOOP
    LOOP
      -- The row lock this takes is held to commit; the WHERE is rechecked on the newest version.
      UPDATE ledger_accounts a
         SET balance_minor = a.balance_minor + p_amounts[i], line_count = a.line_count + 1, updated_at = now()
       WHERE coalesce(a.organization_id, '00000000-0000-0000-0000-000000000000') = coalesce(p_owners[i], '00000000-0000-0000-0000-000000000000')
         AND a.kind = p_kinds[i] AND a.currency = p_currencies[i]
         AND (a.allow_negative OR a.balance_minor + p_amounts[i] >= 0)
      RETURNING a.id, a.balance_minor INTO account_id, balance;
      EXIT WHEN FOUND;
      SELECT a.id, a.balance_minor, a.allow_negative INTO account_id, balance, may_go_negative FROM ledger_accounts a
       WHERE coalesce(a.organization_id, '00000000-0000-0000-0000-000000000000') = coalesce(p_owners[i], '00000000-0000-0000-0000-000000000000')
         AND a.kind = p_kinds[i] AND a.currency = p_currencies[i];
      IF FOUND AND NOT may_go_negative AND balance + p_amounts[i] < 0 THEN
        RAISE EXCEPTION 'ledger: insufficient funds in % %', p_kinds[i], p_currencies[i]
          USING ERRCODE = 'LG003', DETAIL = json_build_object('accountId', account_id, 'kind', p_kinds[i],
            'currency', p_currencies[i], 'balanceMinor', balance::text, 'amountMinor', p_amounts[i]::text);
      END IF;
      -- Found and covered: it was committed or credited after the UPDATE looked, so go round again.
      CONTINUE WHEN FOUND;
      -- A concurrent creator makes this wait for its commit; either way the next round finds the row.
      INSERT INTO ledger_accounts (organization_id, kind, currency, allow_negative)
      VALUES (p_owners[i], p_kinds[i], p_currencies[i], p_allow_negative[i])
      ON CONFLICT DO NOTHING;
    END LOOP;
    account_ids := account_ids || account_id;
    balances := balances || balance;
  END LOOP;

  INSERT INTO journal_lines (entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor)
  SELECT ledger_post.entry_id, l.* FROM unnest(account_ids, p_owners, p_currencies, p_amounts, balances) AS l;
  replayed := false;
END
$$;
