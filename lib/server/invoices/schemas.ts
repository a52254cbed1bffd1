import { z } from "zod";
import { validateDraft, type DraftInput } from "@/lib/domain/invoices";
import { addDraftIssues } from "./input-issues";

const text = (max: number) => z.string().max(max).default("");

export const termsInputSchema = z.object({
  kind: z.string().max(20),
  days: text(10),
  anchor: text(20),
  depositPercent: text(10),
  depositDays: text(10),
  balanceDays: text(10),
  balanceAnchor: text(20),
});

const lineSchema = z.object({
  description: text(1000),
  hsCode: text(40),
  quantity: text(40),
  unit: text(40),
  unitPrice: text(40),
});

/** The fields of the invoice form, as strings; the domain checks them (validateDraft) into an InvoiceDraft. */
export const draftFieldsSchema = z.object({
  buyerId: z.uuid("validation.required"),
  currency: text(3),
  issueDate: text(10),
  lines: z.array(lineSchema).max(500).default([]),
  discount: text(40),
  freight: text(40),
  insurance: text(40),
  otherCharges: text(40),
  terms: termsInputSchema,
  incoterm: text(3),
  incotermPlace: text(400),
  portOfLoading: text(400),
  portOfDischarge: text(400),
  billOfLadingNumber: text(100),
  billOfLadingDate: text(10),
  notes: text(5000),
});

/** Parses the form into a checked draft; problems become field errors at their paths. */
export function draftSchema<T extends z.ZodRawShape>(extra: T) {
  return draftFieldsSchema.extend(extra).transform((input, ctx) => {
    const result = validateDraft(input as DraftInput);
    if (result.ok) return { ...input, draft: result.draft };
    const fieldIssues = result.issues.filter((issue) => issue.code !== "negative_total");
    if (fieldIssues.length > 0) {
      addDraftIssues(ctx, fieldIssues);
      return z.NEVER;
    }
    // The one problem of the whole invoice: the handler refuses it with its own message.
    return { ...input, draft: null };
  });
}
