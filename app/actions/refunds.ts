"use server";

import { runAction } from "@/lib/server/guard/run-action";
import { refundBuyerCreditAction } from "@/lib/server/refunds/refund-buyer-credit";

export async function refundBuyerCredit(input: unknown) {
  return runAction(refundBuyerCreditAction, input);
}
