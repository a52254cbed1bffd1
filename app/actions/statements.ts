"use server";

import { runAction } from "@/lib/server/guard/run-action";
import { deleteCsvMappingAction, saveCsvMappingAction } from "@/lib/server/statements/csv-mappings";
import { retryImportAction } from "@/lib/server/statements/retry";

export async function retryStatementImport(input: unknown) {
  return runAction(retryImportAction, input);
}

export async function saveCsvMapping(input: unknown) {
  return runAction(saveCsvMappingAction, input);
}

export async function deleteCsvMapping(input: unknown) {
  return runAction(deleteCsvMappingAction, input);
}
