-- ledger_post, revised: the entry goes in with a plain INSERT, so a taken idempotency key fails the
-- call with a unique violation on journal_entries_idempotency_key and the caller looks the key up to
-- replay it. ON CONFLICT DO NOTHING made every first posting pay for a speculative insertion to save
-- retries one round trip. Returns the new entry's id; LG003 = insufficient funds as before.
DROP FUNCTION ledger_post(uuid, text, text, text, text, uuid, text, text, uuid, uuid[], ledger_account_kind[], bpchar[], bigint[], boolean[]);
--> statement-breakpoint
-- Lines come as parallel arrays in the caller's lock order: organization accounts, then platform ones.
CREATE FUNCTION ledger_post(
  p_organization_id uuid, p_idempotency_key text, p_request_hash text, p_type text, p_description text,
  p_reverses_entry_id uuid, p_cause_type text, p_cause_id text, p_created_by uuid,
  p_owners uuid[], p_kinds ledger_account_kind[], p_currencies bpchar[], p_amounts bigint[], p_allow_negative boolean[]
) RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
  new_entry_id uuid;
  account_ids uuid[] := '{}';
  balances bigint[] := '{}';
  account_id uuid;
  balance bigint;
  may_go_negative boolean;
BEGIN
  -- First, so that a concurrent retry waits on the key before it takes any account lock.
  INSERT INTO journal_entries AS e
    (organization_id, idempotency_key, request_hash, type, description, reverses_entry_id, cause_type, cause_id, created_by)
  VALUES (p_organization_id, p_idempotency_key, p_request_hash, p_type, p_description, p_reverses_entry_id, p_cause_type, p_cause_id, p_created_by)
  RETURNING e.id INTO new_entry_id;

  FOR i IN 1 .. cardinality(p_amounts) LOOP
    LOOP
      -- The literal platform owner (not a variable) lets the cached generic plan use the owner key index.
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
  SELECT new_entry_id, l.* FROM unnest(account_ids, p_owners, p_currencies, p_amounts, balances) AS l;
  RETURN new_entry_id;
END
$$;
