import { z } from "zod";
import { db } from "@/db/client";
import { exportFormatSchema, datetime, keysetPages, text, type ExportColumn, type ExportFormat, type ExportSpec } from "../exports/columns";
import { OWNER_ONLY } from "../guard/access";
import { defineAction, type ActionContext } from "../guard/define-action";
import { translator, type Translate } from "../i18n/translator";
import { auditFilterSchema, queryAuditLog, type AuditFilter } from "./queries";

const EXPORT_PAGE = 1_000;

type AuditRow = Awaited<ReturnType<typeof queryAuditLog>>["rows"][number];

function auditColumns(t: Translate): ExportColumn<AuditRow>[] {
  return [
    { key: "id", header: t("columns.id"), cell: (row) => text(row.id.toString()) },
    { key: "at", header: t("columns.at"), cell: (row) => datetime(row.at) },
    { key: "organization", header: t("columns.organization"), cell: (row) => text(row.organization) },
    { key: "actor", header: t("columns.actor"), cell: (row) => text(row.actorEmail ?? (row.actorIsStaff ? "Quayside" : "")) },
    { key: "action", header: t("columns.action"), cell: (row) => text(row.action) },
    { key: "target", header: t("columns.target"), cell: (row) => text(row.target) },
    { key: "summary", header: t("columns.summary"), cell: (row) => text(JSON.stringify(row.summary)) },
    { key: "ip", header: t("columns.ip"), cell: (row) => text(row.ip) },
  ];
}

/** The audit log as filtered, newest first, page by page (staff stay anonymous to an organization, as on the page). */
async function auditExport(ctx: ActionContext, organizationId: string | null, filter: AuditFilter, format: ExportFormat): Promise<{ format: ExportFormat; spec: ExportSpec<AuditRow> }> {
  const t = await translator(ctx.request.locale, "dashboard.exports");
  ctx.audit(null, { format, filter });
  const day = new Date().toISOString().slice(0, 10);
  return {
    format,
    spec: {
      filename: `audit-${ctx.organization?.slug ?? "platform"}-${day}`,
      sheetName: t("audit"),
      columns: auditColumns(t),
      pages: keysetPages(async (before) => {
        const page = await queryAuditLog(db(), organizationId, { ...filter, before }, EXPORT_PAGE);
        return { rows: page.rows, next: page.nextBefore };
      }),
    },
  };
}

const exportInput = auditFilterSchema.extend({ format: exportFormatSchema });

export const exportOrganizationAuditAction = defineAction({
  name: "audit.exportOrganization",
  access: { kind: "org", roles: OWNER_ONLY },
  input: exportInput.extend({ org: z.string() }),
  handler: (ctx, { org: _org, before: _before, format, ...filter }) => auditExport(ctx, ctx.organization.id, { ...filter, before: "" }, format),
});

export const exportPlatformAuditAction = defineAction({
  name: "audit.exportPlatform",
  access: { kind: "staff", roles: ["platform_admin"] },
  input: exportInput,
  handler: (ctx, { before: _before, format, ...filter }) => auditExport(ctx, null, { ...filter, before: "" }, format),
});
