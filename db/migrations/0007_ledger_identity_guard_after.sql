-- Same guard as in ledger_guards, made cheap for balance updates: a BEFORE row trigger makes every
-- UPDATE lock and copy the row first, even when its WHEN clause is false; an AFTER trigger limited to
-- the identity columns is skipped outright by updates that do not name them. A refusal still fails
-- the whole statement with LG001.
DROP TRIGGER ledger_accounts_fixed_identity ON ledger_accounts;
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_fixed_identity
  AFTER UPDATE OF id, organization_id, kind, currency, allow_negative ON ledger_accounts
  FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id
    OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
    OR OLD.kind IS DISTINCT FROM NEW.kind
    OR OLD.currency IS DISTINCT FROM NEW.currency
    OR OLD.allow_negative IS DISTINCT FROM NEW.allow_negative)
  EXECUTE FUNCTION ledger_refuse_change();
