"use server";

import { runAction } from "@/lib/server/guard/run-action";
import { createDraftAction, updateDraftAction } from "@/lib/server/invoices/drafts";
import { updateIssuedDetailsAction } from "@/lib/server/invoices/issued-details";
import { issueInvoiceAction } from "@/lib/server/invoices/issue";
import { voidInvoiceAction } from "@/lib/server/invoices/void";

export async function createInvoiceDraft(input: unknown) {
  return runAction(createDraftAction, input);
}

export async function updateInvoiceDraft(input: unknown) {
  return runAction(updateDraftAction, input);
}

export async function issueInvoice(input: unknown) {
  return runAction(issueInvoiceAction, input);
}

export async function updateIssuedInvoice(input: unknown) {
  return runAction(updateIssuedDetailsAction, input);
}

export async function voidInvoice(input: unknown) {
  return runAction(voidInvoiceAction, input);
}
