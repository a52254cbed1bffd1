import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoices, settlementSchedules } from "@/db/schema";
import { fromDecimalString } from "@/lib/domain/money";
import { addBusinessDays, previousBusinessDay, scheduleFields, type SettlementSchedule } from "@/lib/domain/settlement";
import { localDateOf, startOfLocalDate } from "@/lib/domain/time/local-day";
import { sandboxBankAdapter } from "@/lib/server/banking/sandbox";
import { payoutSettleDelayMs } from "@/lib/server/banking/sandbox-payouts";
import { collectionAccountFor } from "@/lib/server/collections/accounts";
import { allocateToInvoice } from "@/lib/server/collections/allocations";
import { recordBankReceipt } from "@/lib/server/collections/receipts";
import { lockPayout, sendLockedPayout, settleLockedPayout } from "@/lib/server/payouts/lifecycle";
import { loadBusinessCalendar } from "@/lib/server/settlement/calendar";
import { SETTLEMENT_TIME_ZONE } from "@/lib/server/settlement/ledger-reads";
import { runSettlement } from "@/lib/server/settlement/run";
import type { FoundationSeed } from "./foundation";

const HOUR = 3_600_000;

/** Haiguang's schedules: its large currencies paid out by hand on the Payouts page, the smaller ones settled by the run. */
const SCHEDULES: { currency: string; schedule: SettlementSchedule; payoutCurrency: string }[] = [
  { currency: "USD", schedule: { kind: "on_demand" }, payoutCurrency: "USD" },
  { currency: "EUR", schedule: { kind: "on_demand" }, payoutCurrency: "EUR" },
  { currency: "GBP", schedule: { kind: "on_demand" }, payoutCurrency: "GBP" },
  { currency: "CAD", schedule: { kind: "rolling", businessDays: 2 }, payoutCurrency: "CNY" },
  { currency: "SGD", schedule: { kind: "rolling", businessDays: 1 }, payoutCurrency: "SGD" },
  { currency: "CNY", schedule: { kind: "weekly", weekday: 5 }, payoutCurrency: "CNY" },
];

/** A buyer's bank transfer to the collection account, booked and valued on `valueDate`, applied to the invoice by its RF reference. */
async function transfer(tx: Transaction, organizationId: string, input: { invoiceNumber: string; amount: string; currency: string; valueDate: string; payer: string; bankRef: string }) {
  const account = await collectionAccountFor(tx, organizationId, input.currency);
  const [invoice] = await tx
    .select({ id: invoices.id, rfReference: invoices.rfReference })
    .from(invoices)
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.number, input.invoiceNumber)));
  if (!account || !invoice) return;
  const amountMinor = fromDecimalString(input.amount, input.currency);
  const { paymentId } = await recordBankReceipt(tx, {
    organizationId,
    source: "sandbox_transfer",
    collectionAccountId: account.id,
    accountIdentifier: account.accountIdentifier,
    bankRef: input.bankRef,
    currency: input.currency,
    amountMinor,
    bookingDate: input.valueDate,
    valueDate: input.valueDate,
    reference: invoice.rfReference,
    remittanceText: `PART PAYMENT ${invoice.rfReference}`,
    payerName: input.payer,
  });
  await allocateToInvoice(tx, { paymentId, invoiceId: invoice.id, amountMinor, method: "rf_reference" });
}

/**
 * Haiguang's settlement: its schedules; two part payments of a CAD invoice that the run of the last business day
 * settled (converted to CNY, paid since); and two SGD transfers valued that same day, due at the next business day's
 * run (T+1), so that a run on the demo data has work to do. The payouts are made by the settlement code itself.
 */
export async function seedSettlement(tx: Transaction, seed: FoundationSeed, now = new Date()): Promise<void> {
  const organizationId = seed.factory.id;
  await tx.insert(settlementSchedules).values(
    SCHEDULES.map(({ currency, schedule, payoutCurrency }) => ({ organizationId, currency, ...scheduleFields(schedule), payoutCurrency, updatedBy: seed.userIds.owner, updatedAt: new Date(now.getTime() - 20 * 24 * HOUR) })),
  );

  const calendar = await loadBusinessCalendar(tx);
  const lastRun = previousBusinessDay(localDateOf(now, SETTLEMENT_TIME_ZONE), calendar);
  await transfer(tx, organizationId, { invoiceNumber: "INV-2026-0022", amount: "1850.00", currency: "CAD", valueDate: addBusinessDays(lastRun, -4, calendar), payer: "MAPLE FASTENERS INC", bankRef: "SBXCAD0022A" });
  await transfer(tx, organizationId, { invoiceNumber: "INV-2026-0022", amount: "1620.50", currency: "CAD", valueDate: addBusinessDays(lastRun, -3, calendar), payer: "MAPLE FASTENERS INC", bankRef: "SBXCAD0022B" });

  // The last business day's run, at 08:30 China time, then the bank's confirmation that afternoon.
  const ranAt = new Date(startOfLocalDate(lastRun, SETTLEMENT_TIME_ZONE).getTime() + 8.5 * HOUR);
  const { outcomes } = await runSettlement({ runDate: lastRun, organizationId, trigger: "seed", now: ranAt, executor: tx });
  for (const outcome of outcomes) {
    if (outcome.result !== "settled") continue;
    const sent = await sendLockedPayout(tx, (await lockPayout(tx, outcome.payoutId))!, sandboxBankAdapter, ranAt);
    await settleLockedPayout(tx, sent, sandboxBankAdapter, new Date(ranAt.getTime() + payoutSettleDelayMs()));
  }

  await transfer(tx, organizationId, { invoiceNumber: "INV-2026-0016", amount: "9500.00", currency: "SGD", valueDate: lastRun, payer: "LION CITY SUPPLY PTE LTD", bankRef: "SBXSGD0016A" });
  await transfer(tx, organizationId, { invoiceNumber: "INV-2026-0016", amount: "6455.75", currency: "SGD", valueDate: lastRun, payer: "LION CITY SUPPLY PTE LTD", bankRef: "SBXSGD0016B" });
}
