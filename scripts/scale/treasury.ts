import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { nextMonth } from "@/lib/domain/account-statements";
import { type FeeSchedule, payoutFees, totalFees } from "@/lib/domain/fees";
import { cnyEquivalent, priceQuote, type QuotePrice } from "@/lib/domain/fx/quote";
import { type CurrencyCode, toDecimalString } from "@/lib/domain/money";

/** Share of a month's net collections in each foreign currency converted to CNY on the 1st of the next month. */
const CONVERTED_PERCENT = 60n;
/** Share of a month's net CNY collections paid out with the converted CNY. */
const PAID_OUT_CNY_PERCENT = 90n;

const BANK = { bankName: "中国工商银行 ICBC", branchName: "宁波分行 Ningbo Branch", accountNumber: "6222021234567890123" } as const;

interface MonthNet {
  month: string;
  currency: CurrencyCode;
  netMinor: bigint;
}

interface Conversion {
  quoteId: string;
  conversionId: string;
  entryId: string;
  currency: CurrencyCode;
  cnyMinor: bigint;
  price: QuotePrice;
}

/** China time on the first day after `month` (YYYY-MM), at `time` (HH:MM). */
function firstOfNextMonth(month: string, time: string): string {
  return `${nextMonth(month)}-01T${time}:00+08:00`;
}

/**
 * The factory's treasury over the seeded history, priced as the app prices it (lib/domain/fx, lib/domain/fees): on
 * the 1st of each month after a month of collections, converts CONVERTED_PERCENT of that month's net collections
 * in each foreign currency to CNY (accepted quotes and their fx_conversion entries), then pays out to its bank
 * account the CNY bought plus PAID_OUT_CNY_PERCENT of the month's net CNY collections (payout entries with the
 * payout fee, paid by the bank). Only months before `today`'s are converted and paid out. Appends the entries to
 * the scale journal and returns the rows to record once the journal is written.
 */
export async function planScaleTreasury(
  sql: postgres.Sql,
  input: { organizationId: string; userId: string; schedule: FeeSchedule; cnyRates: Record<string, string>; today: string },
): Promise<{ record: () => Promise<void>; conversions: number; payouts: number }> {
  const { organizationId, schedule, cnyRates } = input;
  const nets = (
    await sql<{ month: string; currency: string; net: string }[]>`
      select to_char(paid_on, 'YYYY-MM') as month, currency::text as currency, sum(amount_minor - fee_minor)::text as net
        from scale_payment where paid_on < date_trunc('month', ${input.today}::date) group by 1, 2 order by 1, 2`
  ).map((row): MonthNet => ({ month: row.month, currency: row.currency.trim() as CurrencyCode, netMinor: BigInt(row.net) }));

  const conversions: (Conversion & { at: string })[] = [];
  const payouts: { payoutId: string; entryId: string; at: string; amountMinor: bigint; feeMinor: bigint; feeLines: ReturnType<typeof payoutFees> }[] = [];
  for (const month of [...new Set(nets.map((net) => net.month))]) {
    const convertedAt = firstOfNextMonth(month, "09:30");
    let cnyToPay = 0n;
    for (const { currency, netMinor } of nets.filter((net) => net.month === month)) {
      if (currency === "CNY") {
        cnyToPay += (netMinor * PAID_OUT_CNY_PERCENT) / 100n;
        continue;
      }
      const sell = (netMinor * CONVERTED_PERCENT) / 100n;
      const mid = cnyRates[currency];
      if (!mid) throw new Error(`No CNY rate for ${currency}`);
      const cnyMinor = cnyEquivalent(sell, currency, mid);
      if (cnyMinor <= 0n) continue;
      const price = priceQuote({ sellCurrency: currency, buyCurrency: "CNY", side: "sell", amountMinor: sell }, mid, schedule.fx, cnyMinor);
      conversions.push({ quoteId: randomUUID(), conversionId: randomUUID(), entryId: randomUUID(), currency, cnyMinor, price, at: convertedAt });
      cnyToPay += price.buyAmountMinor;
    }
    const feeLines = payoutFees(schedule, { amountMinor: cnyToPay, currency: "CNY", expedited: false });
    const feeMinor = totalFees("CNY", feeLines);
    if (cnyToPay > feeMinor) payouts.push({ payoutId: randomUUID(), entryId: randomUUID(), at: firstOfNextMonth(month, "09:45"), amountMinor: cnyToPay, feeMinor, feeLines });
  }

  const entries = [
    ...conversions.map((c, i) => ({
      id: c.entryId,
      at: c.at,
      tiebreak: i,
      key: `fx-quote:${c.quoteId}`,
      type: "fx_conversion",
      description: `${c.currency} ${toDecimalString(c.price.sellAmountMinor, c.currency)} → CNY ${toDecimalString(c.price.buyAmountMinor, "CNY")} @ ${c.price.customerRate}`,
      causeType: "fx_quote",
      causeId: c.quoteId,
    })),
    ...payouts.map((p, i) => ({
      id: p.entryId,
      at: p.at,
      tiebreak: i,
      key: `payout:${p.payoutId}`,
      type: "payout",
      description: `Payout of CNY ${toDecimalString(p.amountMinor, "CNY")} to ${BANK.bankName} ${BANK.accountNumber.slice(-4)}`,
      causeType: "payout",
      causeId: p.payoutId,
    })),
  ];
  const org = organizationId;
  const lines = [
    ...conversions.flatMap((c) => [
      { entryId: c.entryId, k: 1, kind: "available", owner: org, currency: c.currency, amount: -c.price.sellTotalMinor },
      { entryId: c.entryId, k: 2, kind: "fx_position", owner: null, currency: c.currency, amount: c.price.sellAmountMinor },
      { entryId: c.entryId, k: 3, kind: "fee_revenue", owner: null, currency: c.currency, amount: c.price.feeMinor },
      { entryId: c.entryId, k: 4, kind: "fx_position", owner: null, currency: "CNY", amount: -c.price.buyAmountMinor },
      { entryId: c.entryId, k: 5, kind: "available", owner: org, currency: "CNY", amount: c.price.buyAmountMinor },
    ]),
    ...payouts.flatMap((p) => [
      { entryId: p.entryId, k: 1, kind: "available", owner: org, currency: "CNY", amount: -p.amountMinor },
      { entryId: p.entryId, k: 2, kind: "fee_revenue", owner: null, currency: "CNY", amount: p.feeMinor },
      { entryId: p.entryId, k: 3, kind: "payout_clearing", owner: null, currency: "CNY", amount: p.amountMinor - p.feeMinor },
    ]),
  ];
  if (entries.length > 0) {
    await sql`
      insert into scale_entry (id, at, tiebreak, idempotency_key, type, description, cause_type, cause_id)
      select * from unnest(${sql.array(entries.map((e) => e.id))}::uuid[], ${sql.array(entries.map((e) => e.at))}::timestamptz[],
                           ${sql.array(entries.map((e) => e.tiebreak))}::bigint[], ${sql.array(entries.map((e) => e.key))}::text[],
                           ${sql.array(entries.map((e) => e.type))}::text[], ${sql.array(entries.map((e) => e.description))}::text[],
                           ${sql.array(entries.map((e) => e.causeType))}::text[], ${sql.array(entries.map((e) => e.causeId))}::text[])`;
    await sql`
      insert into scale_entry_line (entry_id, k, kind, organization_id, currency, amount_minor)
      select * from unnest(${sql.array(lines.map((l) => l.entryId))}::uuid[], ${sql.array(lines.map((l) => l.k))}::int[],
                           ${sql.array(lines.map((l) => l.kind))}::text[], ${sql.array(lines.map((l) => l.owner))}::uuid[],
                           ${sql.array(lines.map((l) => l.currency))}::bpchar[], ${sql.array(lines.map((l) => l.amount.toString()))}::bigint[])`;
  }

  const record = async () => {
    for (const c of conversions) {
      const { price } = c;
      const rate = { mid: price.mid, customerRate: price.customerRate, spreadBps: price.spreadBps, feeBps: price.feeBps };
      await sql`
        insert into fx_quotes (id, organization_id, requested_by, sell_currency, buy_currency, side, mid, customer_rate, spread_bps, fee_bps,
                               sell_amount_minor, fee_minor, sell_total_minor, buy_amount_minor, cny_equivalent_minor, rate_as_of, rate_source,
                               created_at, expires_at, accepted_at)
        values (${c.quoteId}, ${org}, ${input.userId}, ${c.currency}, 'CNY', 'sell', ${rate.mid}, ${rate.customerRate}, ${rate.spreadBps}, ${rate.feeBps},
                ${price.sellAmountMinor.toString()}, ${price.feeMinor.toString()}, ${price.sellTotalMinor.toString()}, ${price.buyAmountMinor.toString()},
                ${c.cnyMinor.toString()}, ${c.at}, 'scale seed', ${c.at}::timestamptz - interval '20 seconds', ${c.at}::timestamptz + interval '10 seconds', ${c.at})`;
      await sql`
        insert into fx_conversions (id, organization_id, quote_id, entry_id, converted_by, sell_currency, buy_currency, mid, customer_rate, spread_bps,
                                    fee_bps, sell_amount_minor, fee_minor, sell_total_minor, buy_amount_minor, cny_equivalent_minor, created_at)
        values (${c.conversionId}, ${org}, ${c.quoteId}, ${c.entryId}, ${input.userId}, ${c.currency}, 'CNY', ${rate.mid}, ${rate.customerRate},
                ${rate.spreadBps}, ${rate.feeBps}, ${price.sellAmountMinor.toString()}, ${price.feeMinor.toString()}, ${price.sellTotalMinor.toString()},
                ${price.buyAmountMinor.toString()}, ${c.cnyMinor.toString()}, ${c.at})`;
    }
    for (const p of payouts) {
      const beneficiary = { ...BANK, accountHolder: "Scale Factory", cnaps: "102332000019", swiftBic: null, iban: null };
      await sql`
        insert into payouts (id, organization_id, currency, amount_minor, fee_minor, net_minor, cny_equivalent_minor, speed, origin, status,
                             approval_required, beneficiary, requested_by, bank_provider, bank_reference, entry_id, requested_at, approved_at,
                             sent_at, paid_at)
        values (${p.payoutId}, ${org}, 'CNY', ${p.amountMinor.toString()}, ${p.feeMinor.toString()}, ${(p.amountMinor - p.feeMinor).toString()},
                ${p.amountMinor.toString()}, 'standard', 'on_demand', 'paid', false, ${JSON.stringify(beneficiary)}::jsonb, ${input.userId}, 'sandbox',
                ${`SCALE-PO-${p.payoutId.slice(0, 8)}`}, ${p.entryId}, ${p.at}, ${p.at}, ${p.at}::timestamptz + interval '1 hour',
                ${p.at}::timestamptz + interval '5 hours')`;
      for (const line of p.feeLines.filter((fee) => fee.amountMinor > 0n)) {
        await sql`
          insert into fee_charges (organization_id, entry_id, type, currency, basis_minor, rate, amount_minor, charged_at)
          values (${org}, ${p.entryId}, ${line.type}, ${line.currency}, ${line.basisMinor?.toString() ?? null}, ${line.rate}, ${line.amountMinor.toString()}, ${p.at})`;
      }
    }
  };
  return { record, conversions: conversions.length, payouts: payouts.length };
}
