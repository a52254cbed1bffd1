"use server";

import { redirect } from "next/navigation";
import { startCardPaymentAction } from "@/lib/server/card-payments/start";
import { runAction } from "@/lib/server/guard/run-action";

/** "Pay by card" on the public pay page; on success the buyer goes on to the card processor's page. */
export async function startCardPayment(input: unknown) {
  const result = await runAction(startCardPaymentAction, input);
  if (result.ok) redirect(result.data.redirectUrl);
  return result;
}
