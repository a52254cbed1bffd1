import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedScale } from "@/scripts/scale";

const RATES = { USD: "7.1", EUR: "7.7", GBP: "9.0", AUD: "4.6", HKD: "0.91", CNY: "1" };

describe("seed:scale", () => {
  it("writes a realistic, verified history: invoices by status, one payment per paid instalment, fees as their own lines", async () => {
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
             (select sum(amount_minor)::text from fee_charges where organization_id = ${org}) as charged`);
    expect(money!.payments).toBe(result.payments);
    expect(money!.allocations).toBe(result.payments);
    expect(money!.allocated).toBe(money!.paid);
    expect(BigInt(money!.fees)).toBeGreaterThan(0n);
    expect(money!.charged).toBe(money!.fees);

    const [cny] = await db().execute<{ net: string | null; balance: string | null }>(sql`
      select (select sum(a.amount_minor - a.fee_minor)::text from payment_allocations a join incoming_payments p on p.id = a.payment_id
              where a.organization_id = ${org} and p.currency = 'CNY') as net,
             (select balance_minor::text from ledger_accounts where organization_id = ${org} and kind = 'available' and currency = 'CNY') as balance`);
    expect(cny!.balance).toBe(cny!.net);
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
