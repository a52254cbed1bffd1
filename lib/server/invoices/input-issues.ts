import type { z } from "zod";
import type { DraftIssue, IssueCode } from "@/lib/domain/invoices";

type FieldIssueCode = Exclude<IssueCode, "negative_total">;

/** Domain problems as keys of `errors.validation`, so the guard shows them under their fields. */
const MESSAGE: Record<FieldIssueCode, string> = {
  required: "validation.required",
  format: "validation.format",
  choice: "validation.choice",
  too_many_decimals: "validation.format",
  too_large: "validation.invalid",
  too_long: "validation.invalid",
  zero: "validation.invalid",
  share: "validation.invalid",
};

export function addDraftIssues(ctx: z.core.$RefinementCtx, issues: readonly DraftIssue[]): void {
  for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: MESSAGE[issue.code as FieldIssueCode] });
}
