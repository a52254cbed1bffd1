import { randomUUID } from "node:crypto";
import type { Transaction } from "@/db/client";
import { payouts } from "@/db/schema";
import type { FeeLine } from "@/lib/domain/fees";
import { cnyEquivalent } from "@/lib/domain/fx";
import { isLedgerError } from "@/lib/domain/ledger";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import { type CurrencyCode, formatAmount, toDecimalString } from "@/lib/domain/money";
import { needsSecondApproval, type PayoutSpeed, type PayoutStatus } from "@/lib/domain/settlement/payout";
import { reserveDisputeShortfalls } from "../disputes/shortfall";
import { feeRevenueLine, recordFeeCharges } from "../fees/charges";
import { chinaDate, cnyRateBook } from "../fees/collection-volumes";
import { ActionError } from "../guard/action-error";
import { postEntry } from "../ledger";
import { availableBalance } from "./balance";
import { beneficiaryFor, settlementBankAccount } from "./bank-account";
import { assertWithinPayoutLimits } from "./limits";
import { previewPayout } from "./preview";
import { lockPayoutSettings } from "./settings";

export type PayoutOriginInput = { kind: "on_demand"; requestedBy: string } | { kind: "settlement"; batchId: string };

export interface CreatePayoutInput {
  organizationId: string;
  currency: CurrencyCode;
  /** Taken from available; the fees come out of it and the rest is sent. */
  amountMinor: bigint;
  speed: PayoutSpeed;
  origin: PayoutOriginInput;
  now: Date;
}

export interface CreatedPayout {
  payoutId: string;
  entryId: string;
  feeLines: FeeLine[];
  netMinor: bigint;
  status: PayoutStatus;
}

/** The amount's worth in CNY at the newest stored mid rate (limits are counted in CNY, whatever the rate's age). */
async function cnyWorth(tx: Transaction, amountMinor: bigint, currency: CurrencyCode): Promise<bigint> {
  if (currency === "CNY") return amountMinor;
  const rate = (await cnyRateBook(tx, [currency])).resolve(currency, "CNY");
  if (!rate) throw new ActionError("payout_rate_unavailable", { currency });
  return cnyEquivalent(amountMinor, currency, rate.mid);
}

export function insufficientAvailable(amountMinor: bigint, availableMinor: bigint, currency: CurrencyCode): ActionError {
  return new ActionError("payout_insufficient_available", { amount: formatAmount(amountMinor, currency, "en"), available: formatAmount(availableMinor, currency, "en") });
}

export interface PayoutCheckInput {
  organizationId: string;
  currency: CurrencyCode;
  amountMinor: bigint;
  speed: PayoutSpeed;
  /** The member whose daily limit counts; null for a settlement payout. */
  requestedBy: string | null;
  now: Date;
}

/**
 * What a payout is refused on before anything is posted (a verified bank account that takes the currency, fees below
 * the amount, the daily limits), with its price and CNY worth. Writes nothing; the preview shows the same answer.
 */
export async function checkPayout(tx: Transaction, input: PayoutCheckInput) {
  const { organizationId, currency, amountMinor, requestedBy, now } = input;
  const account = await settlementBankAccount(tx, organizationId);
  if (!account) throw new ActionError("payout_no_bank_account");
  if (!account.currencies.includes(currency)) throw new ActionError("payout_currency_not_accepted", { currency });
  const price = await previewPayout(tx, { organizationId, currency, amountMinor, speed: input.speed, date: chinaDate(now) });
  const cnyMinor = await cnyWorth(tx, amountMinor, currency);
  await assertWithinPayoutLimits(tx, { organizationId, tier: account.tier, requestedBy, cnyMinor, now });
  return { account, price, cnyMinor };
}

/**
 * Creates a payout to the organization's verified settlement bank account in the caller's transaction, posting ONE
 * ledger entry (idempotency key `payout:<payoutId>`): the organization's available −amount, the platform's
 * fee_revenue +fees, payout_clearing +net. Refused when the fees would take it all, without a verified bank account
 * that takes the currency, past the member's or the tier's daily limits (CNY equivalent), or beyond available.
 * `approved` when within the organization's maker-checker threshold, else `requested` (an owner must approve).
 * Payouts of one organization are created one at a time (lockPayoutSettings), so limits hold under concurrency.
 */
export async function createPayout(tx: Transaction, input: CreatePayoutInput): Promise<CreatedPayout> {
  const { organizationId, currency, amountMinor, now } = input;
  const threshold = await lockPayoutSettings(tx, organizationId);
  const requestedBy = input.origin.kind === "on_demand" ? input.origin.requestedBy : null;
  const { account, price, cnyMinor } = await checkPayout(tx, { organizationId, currency, amountMinor, speed: input.speed, requestedBy, now });

  // Money held for open disputes comes before any payout.
  await reserveDisputeShortfalls(tx, organizationId, currency);

  const payoutId = randomUUID();
  const shown = `${currency} ${toDecimalString(amountMinor, currency)}`;
  let entryId: string;
  try {
    ({ entryId } = await postEntry(tx, {
      organizationId,
      idempotencyKey: `payout:${payoutId}`,
      type: "payout",
      description: describeEntry("payout", { amount: shown, bank: account.bankName, last4: account.accountNumber.slice(-4) }),
      cause: { type: "payout", id: payoutId },
      createdBy: requestedBy,
      lines: [
        { account: { organizationId, kind: "available", currency }, amountMinor: -amountMinor },
        ...feeRevenueLine(currency, price.feeLines),
        { account: { organizationId: null, kind: "payout_clearing", currency }, amountMinor: price.netMinor },
      ],
    }));
  } catch (error) {
    if (!isLedgerError(error, "insufficient_funds")) throw error;
    throw insufficientAvailable(amountMinor, await availableBalance(tx, organizationId, currency), currency);
  }
  await recordFeeCharges(tx, { organizationId, entryId, lines: price.feeLines });

  const approvalRequired = needsSecondApproval({ amountCnyMinor: cnyMinor, thresholdCnyMinor: threshold });
  const status: PayoutStatus = approvalRequired ? "requested" : "approved";
  await tx.insert(payouts).values({
    id: payoutId,
    organizationId,
    currency,
    amountMinor,
    feeMinor: price.feeMinor,
    netMinor: price.netMinor,
    cnyEquivalentMinor: cnyMinor,
    speed: input.speed,
    origin: input.origin.kind,
    settlementBatchId: input.origin.kind === "settlement" ? input.origin.batchId : null,
    status,
    approvalRequired,
    beneficiary: beneficiaryFor(account, currency),
    requestedBy,
    entryId,
    requestedAt: now,
    approvedAt: approvalRequired ? null : now,
  });
  return { payoutId, entryId, feeLines: price.feeLines, netMinor: price.netMinor, status };
}
