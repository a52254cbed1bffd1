import Papa from "papaparse";
import { z } from "zod";
import { OWNER_ONLY } from "../guard/access";
import { defineAction, type ActionContext } from "../guard/define-action";
import { auditFilterSchema, queryAuditLog, type AuditFilter } from "./queries";

const EXPORT_LIMIT = 100_000;

async function auditCsv(ctx: ActionContext, organizationId: string | null, filter: AuditFilter): Promise<string> {
  const { rows } = await queryAuditLog(ctx.tx, organizationId, { ...filter, before: "" }, EXPORT_LIMIT);
  ctx.audit(null, { filter, rows: rows.length });
  return Papa.unparse(
    rows.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      organization: row.organization ?? "",
      actor: row.actorEmail ?? "",
      action: row.action,
      target: row.target ?? "",
      summary: JSON.stringify(row.summary),
      ip: row.ip ?? "",
    })),
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
