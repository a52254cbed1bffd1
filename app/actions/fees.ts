"use server";

import { publishFeeScheduleAction } from "@/lib/server/fees/publish";
import { runAction } from "@/lib/server/guard/run-action";

export async function publishFeeSchedule(input: unknown) {
  return runAction(publishFeeScheduleAction, input);
}
