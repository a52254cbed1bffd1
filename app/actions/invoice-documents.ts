"use server";

import { runAction } from "@/lib/server/guard/run-action";
import { removeInvoiceDocumentAction } from "@/lib/server/invoice-documents/documents";

export async function removeInvoiceDocument(input: unknown) {
  return runAction(removeInvoiceDocumentAction, input);
}
