"use server";

import { enterRateAction } from "@/lib/server/fx/admin";
import { setPricingAction } from "@/lib/server/fx/pricing";
import { acceptQuoteAction, requestQuoteAction } from "@/lib/server/fx/quotes";
import { runAction } from "@/lib/server/guard/run-action";

export async function requestFxQuote(input: unknown) {
  return runAction(requestQuoteAction, input);
}

export async function acceptFxQuote(input: unknown) {
  return runAction(acceptQuoteAction, input);
}

export async function enterFxRate(input: unknown) {
  return runAction(enterRateAction, input);
}

export async function setFxPricing(input: unknown) {
  return runAction(setPricingAction, input);
}
