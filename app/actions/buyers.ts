"use server";

import { createBuyerAction, updateBuyerAction } from "@/lib/server/buyers/buyers";
import { runAction } from "@/lib/server/guard/run-action";

export async function createBuyer(input: unknown) {
  return runAction(createBuyerAction, input);
}

export async function updateBuyer(input: unknown) {
  return runAction(updateBuyerAction, input);
}
