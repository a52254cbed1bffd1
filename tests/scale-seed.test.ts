import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedScale } from "@/scripts/scale";

const RATES = { USD: "7.1", EUR: "7.7", GBP: "9.0", AUD: "4.6", HKD: "0.91", CNY: "1" };

describe("seed:scale", () => {
  it("writes a realistic, verified history: invoices by status, one payment per paid instalment, conversions and payouts, fees as their own lines", async () => {
    const slug = `scale-test-${randomUUID().slice(0, 8)}`;
    const result = await seedScale({ invoices: 600, slug, today: "2026-11-27", cnyRates: RATES });
    expect(result.invoices).toBe(600);
    const org = result.organizationId;

    const [invoices] = await db().execute<{ total: number; paid: number; partial: number; open: number; overdue: number; wrong_paid: number; oldest: string }>(sql`
      select count(*)::int as total,
             count(*) filter (where status = 'paid')::int as paid,
             count(*) filter (where status = 'partially_paid')::int as partial,
             count(*) filter (where status = 'open')::int as open,
             count(*) filter (where is_overdue)::int as overdue,
             count(*) filter (where paid_minor <> (select coalesce(sum(paid_minor), 0) from invoice_instalments s where s.invoice_id = i.id))::int as wrong_paid,
             min(issue_date)::text as oldest
      from invoices i where organization_id = ${org}`);
    expect(invoices!.total).toBe(600);
    expect(invoices!.wrong_paid).toBe(0);
    expect(invoices!.paid).toBeGreaterThan(invoices!.open);
    expect(invoices!.partial).toBeGreaterThan(0);
    expect(invoices!.overdue).toBeGreaterThan(0);
    expect(invoices!.oldest <= "2023-12-01").toBe(true);

    const [money] = await db().execute<{ payments: number; allocations: number; paid: string; allocated: string; fees: string; charged: string }>(sql`
      select (select count(*)::int from incoming_payments where organization_id = ${org}) as payments,
             (select count(*)::int from payment_allocations where organization_id = ${org}) as allocations,
             (select sum(paid_minor)::text from invoice_instalments where organization_id = ${org}) as paid,
             (select sum(amount_minor)::text from payment_allocations where organization_id = ${org}) as allocated,
             (select sum(fee_minor)::text from payment_allocations where organization_id = ${org}) as fees,
             (select sum(amount_minor)::text from fee_charges where organization_id = ${org} and type = 'collection') as charged`);
    expect(money!.payments).toBe(result.payments);
    expect(money!.allocations).toBe(result.payments);
    expect(money!.allocated).toBe(money!.paid);
    expect(BigInt(money!.fees)).toBeGreaterThan(0n);
    expect(money!.charged).toBe(money!.fees);

    // Each month's foreign collections partly converted to CNY, and the CNY paid out, each with its own entry and fees.
    expect(result.conversions).toBeGreaterThan(30);
    expect(result.payouts).toBeGreaterThan(30);
    const [treasury] = await db().execute<{ conversions: number; payouts: number; paid: number; payout_fees: string; charged: string; future: number }>(sql`
      select (select count(*)::int from fx_conversions c join fx_quotes q on q.id = c.quote_id and q.accepted_at is not null where c.organization_id = ${org}) as conversions,
             (select count(*)::int from payouts where organization_id = ${org}) as payouts,
             (select count(*)::int from payouts where organization_id = ${org} and status = 'paid' and amount_minor = fee_minor + net_minor) as paid,
             (select sum(fee_minor)::text from payouts where organization_id = ${org}) as payout_fees,
             (select sum(amount_minor)::text from fee_charges where organization_id = ${org} and type = 'payout') as charged,
             (select count(*)::int from journal_entries where organization_id = ${org} and created_at > '2026-11-27T00:00:00+08:00') as future`);
    expect(treasury).toEqual({ conversions: result.conversions, payouts: result.payouts, paid: result.payouts, payout_fees: treasury!.charged, charged: treasury!.charged, future: 0 });

    // Available per currency = net collections − sold + bought − paid out, and never below zero along the way.
    const balances = await db().execute<{ currency: string; balance: string; expected: string; lowest: string }>(sql`
      select a.currency, a.balance_minor::text as balance,
             (coalesce((select sum(x.amount_minor - x.fee_minor) from payment_allocations x join incoming_payments p on p.id = x.payment_id
                         where x.organization_id = ${org} and p.currency = a.currency), 0)
              - coalesce((select sum(sell_total_minor) from fx_conversions where organization_id = ${org} and sell_currency = a.currency), 0)
              + coalesce((select sum(buy_amount_minor) from fx_conversions where organization_id = ${org} and buy_currency = a.currency), 0)
              - coalesce((select sum(amount_minor) from payouts where organization_id = ${org} and currency = a.currency), 0))::text as expected,
             (select min(balance_after_minor)::text from journal_lines l where l.account_id = a.id) as lowest
        from ledger_accounts a where a.organization_id = ${org} and a.kind = 'available'`);
    expect(balances.map((row) => row.currency.trim())).toContain("CNY");
    expect(balances.length).toBeGreaterThan(1);
    for (const row of balances) {
      expect(row.balance, row.currency).toBe(row.expected);
      expect(BigInt(row.lowest), row.currency).toBeGreaterThanOrEqual(0n);
    }
    expect(result.ledger).toMatch(/^OK/);
  });

  it("refuses a slug that is taken, writing nothing", async () => {
    const slug = `scale-test-${randomUUID().slice(0, 8)}`;
    await seedScale({ invoices: 20, slug, today: "2026-11-27", cnyRates: RATES });
    await expect(seedScale({ invoices: 20, slug, today: "2026-11-27", cnyRates: RATES })).rejects.toThrow();
    const [row] = await db().execute<{ n: number }>(sql`select count(*)::int as n from organizations where slug = ${slug}`);
    expect(row!.n).toBe(1);
  });
});
