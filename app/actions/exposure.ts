"use server";

import { saveExposureSettingsAction } from "@/lib/server/exposure/settings";
import { runAction } from "@/lib/server/guard/run-action";

export async function saveExposureSettings(input: unknown) {
  return runAction(saveExposureSettingsAction, input);
}
