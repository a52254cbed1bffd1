import { z } from "zod";
import { type CurrencyCode, isCurrencyCode, parseAmount } from "@/lib/domain/money";
import { PAYOUT_SPEEDS } from "@/lib/domain/settlement/payout";
import { ActionError } from "../guard/action-error";

/** What a member fills in to ask for a payout: the currency, the amount taken from available, the speed. */
export const payoutRequestInput = z.object({
  org: z.string(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => code.length === 3 && isCurrencyCode(code), "validation.choice"),
  amount: z.string().trim().min(1, "validation.required").max(40),
  speed: z.enum(PAYOUT_SPEEDS, "validation.choice"),
});

/** The typed amount in minor units of `currency`, refused (amount_*) when it is not a positive amount. */
export function payoutAmount(input: { amount: string; currency: string }): { currency: CurrencyCode; amountMinor: bigint } {
  const parsed = parseAmount(input.amount, input.currency as CurrencyCode, { allowNegative: false, allowZero: false });
  if (!parsed.ok) throw new ActionError(`amount_${parsed.error}`, { field: "amount" });
  return { currency: input.currency as CurrencyCode, amountMinor: parsed.amountMinor };
}

export const payoutIdInput = z.object({ org: z.string(), payoutId: z.uuid() });
