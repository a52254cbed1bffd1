import Papa from "papaparse";
import { z } from "zod";
import { OWNER_ONLY } from "../guard/access";
import { defineAction, type ActionContext } from "../guard/define-action";
import { auditFilterSchema, queryAuditLog, type AuditFilter } from "./queries";

const EXPORT_LIMIT = 100_000;

async function auditCsv(ctx: ActionContext, organizationId: string | null, filter: AuditFilter): Promise<string> {
  const { rows } = await queryAuditLog(ctx.tx, organizationId, { ...filter, before: "" }, EXPORT_LIMIT);
  ctx.audit(null, { filter, rows: rows.length });
  // Explicit fields, so that an export with no rows still has its header; user-typed text (organization
  // names, say) that a spreadsheet would run as a formula gets a leading quote.
  return Papa.unparse(
    {
      fields: ["id", "at", "organization", "actor", "action", "target", "summary", "ip"],
      data: rows.map((row) => [
        row.id.toString(),
        row.at.toISOString(),
        row.organization ?? "",
        row.actorEmail ?? (row.actorIsStaff ? "Quayside" : ""),
        row.action,
        row.target ?? "",
        JSON.stringify(row.summary),
        row.ip ?? "",
      ]),
    },
    { escapeFormulae: true },
  );
}

export const exportOrganizationAuditAction = defineAction({
  name: "audit.exportOrganization",
  access: { kind: "org", roles: OWNER_ONLY },
  input: auditFilterSchema.extend({ org: z.string() }),
  handler: (ctx, { org: _org, ...filter }) => auditCsv(ctx, ctx.organization.id, filter),
});

export const exportPlatformAuditAction = defineAction({
  name: "audit.exportPlatform",
  access: { kind: "staff", roles: ["platform_admin"] },
  input: auditFilterSchema,
  handler: (ctx, filter) => auditCsv(ctx, null, filter),
});
