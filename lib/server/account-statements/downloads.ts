import { z } from "zod";
import { isCurrencyCode } from "@/lib/domain/money";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction, type OrgContext } from "../guard/define-action";
import { statementCsv } from "./csv";
import { loadAccountStatement, statementChoices, statementRequestProblem } from "./load";
import { statementPdf } from "./pdf";

const statementRequest = z.object({
  org: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, "validation.choice"),
});

/** The statement asked for, after checking the month has begun and the organization holds the currency. */
async function requestedStatement(ctx: OrgContext, { month, currency }: z.output<typeof statementRequest>, format: "csv" | "pdf", now: Date) {
  const problem = statementRequestProblem({ month, currency }, await statementChoices(ctx.organization, now, ctx.tx), ctx.organization, now);
  if (problem) throw new ActionError(problem);
  ctx.audit(null, { month, currency, format });
  return loadAccountStatement(ctx.tx, ctx.organization, { month, currency, now });
}

const fileName = (ctx: OrgContext, { month, currency }: z.output<typeof statementRequest>, extension: string) =>
  `statement-${ctx.organization.slug}-${currency}-${month}.${extension}`;

/** Any member's monthly statement of one currency as CSV; audited like the history export. */
export const downloadStatementCsvAction = defineAction({
  name: "accountStatements.downloadCsv",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: statementRequest,
  async handler(ctx, input) {
    const loaded = await requestedStatement(ctx, input, "csv", new Date());
    return { csv: statementCsv(loaded), name: fileName(ctx, input, "csv") };
  },
});

/** Any member's monthly statement of one currency as a bilingual PDF; audited. */
export const downloadStatementPdfAction = defineAction({
  name: "accountStatements.downloadPdf",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: statementRequest,
  async handler(ctx, input) {
    const now = new Date();
    const loaded = await requestedStatement(ctx, input, "pdf", now);
    return { bytes: await statementPdf(ctx.tx, ctx.organization.id, loaded, now), contentType: "application/pdf" as const, name: fileName(ctx, input, "pdf") };
  },
});
