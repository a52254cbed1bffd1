-- The dashboard's deltas (0017) written once per statement for the writes that come in batches (statement imports
-- and matching: payments and fee charges inserted, instalments and invoices updated): each statement appends its
-- changes summed per key, the same sums the row triggers appended one row at a time, from the transition tables.
-- Keys whose change sums to nothing get no row. Inserts and deletes of invoices and instalments, and updates of
-- payments and fee charges (rare, or filtered out by their WHEN clause for free) keep their row triggers.
-- The instalments of an invoice are read by its id alone (a fenced lateral lookup): beside their status, the
-- planner would intersect them with the organization's whole owing index, or read every paid instalment. JIT is
-- off for these functions: the planner's guesses about a batch's instalments crossed its cost threshold, and
-- compiling took a hundred times longer than the queries.
CREATE FUNCTION dashboard_payments_inserted() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  INSERT INTO dashboard_daily (organization_id, day, currency, invoiced_minor, invoices, collected_minor, payments)
  SELECT n.organization_id, n.booking_date, n.currency, 0, 0, sum(n.amount_minor), count(*)
    FROM new_rows n WHERE n.match_status <> 'reversed'
   GROUP BY n.organization_id, n.booking_date, n.currency;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER dashboard_payment_insert ON incoming_payments;
--> statement-breakpoint
CREATE TRIGGER dashboard_payment_insert AFTER INSERT ON incoming_payments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_payments_inserted();
--> statement-breakpoint
CREATE FUNCTION dashboard_fees_inserted() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  INSERT INTO dashboard_fees (organization_id, month, type, currency, amount_minor, charges)
  SELECT f.organization_id, date_trunc('month', f.charged_at AT TIME ZONE o.timezone)::date, f.type, f.currency, sum(f.amount_minor), count(*)
    FROM new_rows f JOIN organizations o ON o.id = f.organization_id
   WHERE f.reversed_at IS NULL
   GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER dashboard_fee_insert ON fee_charges;
--> statement-breakpoint
CREATE TRIGGER dashboard_fee_insert AFTER INSERT ON fee_charges
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_fees_inserted();
--> statement-breakpoint
-- Each updated instalment's old contribution out and its new one in, against the current state of its invoice. Rows
-- whose counted columns did not change (the row trigger's WHEN clause) are left out: they would cancel out anyway.
CREATE FUNCTION dashboard_instalments_updated() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  WITH d AS (
    SELECT -1 AS sign, o.organization_id, o.invoice_id, o.amount_minor, o.paid_minor, o.status, o.due_date, o.paid_at FROM old_rows o
     WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id
                          AND (n.organization_id, n.invoice_id, n.amount_minor, n.paid_minor, n.status, n.due_date, n.paid_at)
                              IS NOT DISTINCT FROM (o.organization_id, o.invoice_id, o.amount_minor, o.paid_minor, o.status, o.due_date, o.paid_at))
    UNION ALL
    SELECT 1, n.organization_id, n.invoice_id, n.amount_minor, n.paid_minor, n.status, n.due_date, n.paid_at FROM new_rows n
     WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id
                          AND (o.organization_id, o.invoice_id, o.amount_minor, o.paid_minor, o.status, o.due_date, o.paid_at)
                              IS NOT DISTINCT FROM (n.organization_id, n.invoice_id, n.amount_minor, n.paid_minor, n.status, n.due_date, n.paid_at))
  ),
  owed AS (
    INSERT INTO dashboard_receivables (organization_id, buyer_id, currency, due_date, outstanding_minor, instalments)
    SELECT d.organization_id, i.buyer_id, i.currency, d.due_date, sum(d.sign * (d.amount_minor - d.paid_minor)), sum(d.sign)
      FROM d JOIN invoices i ON i.id = d.invoice_id
     WHERE d.status IN ('open', 'partially_paid') AND i.status IN ('open', 'partially_paid')
     GROUP BY d.organization_id, i.buyer_id, i.currency, d.due_date
    HAVING sum(d.sign * (d.amount_minor - d.paid_minor)) <> 0 OR sum(d.sign) <> 0
  )
  INSERT INTO dashboard_lateness (organization_id, buyer_id, paid_instalments, late_days)
  SELECT d.organization_id, i.buyer_id, sum(d.sign), sum(d.sign * greatest(0, (d.paid_at AT TIME ZONE g.timezone)::date - d.due_date))
    FROM d JOIN invoices i ON i.id = d.invoice_id JOIN organizations g ON g.id = d.organization_id
   WHERE d.status = 'paid' AND d.due_date IS NOT NULL AND d.paid_at IS NOT NULL
   GROUP BY d.organization_id, i.buyer_id
  HAVING sum(d.sign) <> 0 OR sum(d.sign * greatest(0, (d.paid_at AT TIME ZONE g.timezone)::date - d.due_date)) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER dashboard_instalment_update ON invoice_instalments;
--> statement-breakpoint
CREATE TRIGGER dashboard_instalment_update AFTER UPDATE ON invoice_instalments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_instalments_updated();
--> statement-breakpoint
-- As dashboard_invoice_changed on update, the old row paired with the new one by id (which no update changes), and
-- only for rows whose counted columns changed (the row trigger's WHEN clause).
CREATE FUNCTION dashboard_invoices_updated() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  WITH m AS (
    SELECT o.id, o.organization_id AS old_organization_id, o.buyer_id AS old_buyer_id, o.currency AS old_currency, o.status AS old_status,
           o.issue_date AS old_issue_date, o.total_minor AS old_total_minor,
           n.organization_id AS new_organization_id, n.buyer_id AS new_buyer_id, n.currency AS new_currency, n.status AS new_status,
           n.issue_date AS new_issue_date, n.total_minor AS new_total_minor
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.organization_id, o.buyer_id, o.status, o.issue_date, o.currency, o.total_minor)
           IS DISTINCT FROM (n.organization_id, n.buyer_id, n.status, n.issue_date, n.currency, n.total_minor)
  ),
  -- Invoiced per issue date: the old issued amount out, the new one in (an invoice whose stay put cancels out).
  invoiced AS (
    INSERT INTO dashboard_daily (organization_id, day, currency, invoiced_minor, invoices, collected_minor, payments)
    SELECT d.organization_id, d.day, d.currency, sum(d.sign * d.total_minor), sum(d.sign), 0, 0
      FROM m CROSS JOIN LATERAL (VALUES (-1, m.old_status, m.old_organization_id, m.old_issue_date, m.old_currency, m.old_total_minor),
                                        (1, m.new_status, m.new_organization_id, m.new_issue_date, m.new_currency, m.new_total_minor))
             AS d(sign, status, organization_id, day, currency, total_minor)
     WHERE d.status NOT IN ('draft', 'void')
     GROUP BY d.organization_id, d.day, d.currency
    HAVING sum(d.sign * d.total_minor) <> 0 OR sum(d.sign) <> 0
  ),
  -- What its instalments owe starts or stops counting with the invoice's status, and follows its buyer and currency.
  owed AS (
    INSERT INTO dashboard_receivables (organization_id, buyer_id, currency, due_date, outstanding_minor, instalments)
    SELECT d.organization_id, d.buyer_id, d.currency, s.due_date, sum(d.sign * (s.amount_minor - s.paid_minor)), sum(d.sign)
      FROM (SELECT * FROM m
             WHERE (m.old_status IN ('open', 'partially_paid')) <> (m.new_status IN ('open', 'partially_paid'))
                OR (m.old_organization_id, m.old_buyer_id, m.old_currency) IS DISTINCT FROM (m.new_organization_id, m.new_buyer_id, m.new_currency)
            OFFSET 0) moved
      CROSS JOIN LATERAL (VALUES (-1, moved.old_status, moved.old_organization_id, moved.old_buyer_id, moved.old_currency),
                                 (1, moved.new_status, moved.new_organization_id, moved.new_buyer_id, moved.new_currency))
           AS d(sign, status, organization_id, buyer_id, currency)
      CROSS JOIN LATERAL (SELECT x.due_date, x.amount_minor, x.paid_minor, x.status FROM invoice_instalments x WHERE x.invoice_id = moved.id OFFSET 0) s
     WHERE d.status IN ('open', 'partially_paid') AND s.status IN ('open', 'partially_paid')
     GROUP BY d.organization_id, d.buyer_id, d.currency, s.due_date
    HAVING sum(d.sign * (s.amount_minor - s.paid_minor)) <> 0 OR sum(d.sign) <> 0
  )
  -- A paid instalment's lateness follows the invoice's buyer.
  INSERT INTO dashboard_lateness (organization_id, buyer_id, paid_instalments, late_days)
  SELECT d.organization_id, d.buyer_id, sum(d.sign), sum(d.sign * greatest(0, (s.paid_at AT TIME ZONE g.timezone)::date - s.due_date))
    FROM (SELECT * FROM m WHERE m.old_buyer_id <> m.new_buyer_id OFFSET 0) moved
    CROSS JOIN LATERAL (VALUES (-1, moved.old_organization_id, moved.old_buyer_id), (1, moved.new_organization_id, moved.new_buyer_id))
         AS d(sign, organization_id, buyer_id)
    CROSS JOIN LATERAL (SELECT x.organization_id, x.due_date, x.paid_at, x.status FROM invoice_instalments x WHERE x.invoice_id = moved.id OFFSET 0) s
    JOIN organizations g ON g.id = s.organization_id
   WHERE s.status = 'paid' AND s.due_date IS NOT NULL AND s.paid_at IS NOT NULL
   GROUP BY d.organization_id, d.buyer_id
  HAVING sum(d.sign) <> 0 OR sum(d.sign * greatest(0, (s.paid_at AT TIME ZONE g.timezone)::date - s.due_date)) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER dashboard_invoice_update ON invoices;
--> statement-breakpoint
CREATE TRIGGER dashboard_invoice_update AFTER UPDATE ON invoices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_invoices_updated();
