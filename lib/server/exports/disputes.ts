import { z } from "zod";
import type { organizations } from "@/db/schema";
import { organizationDisputeListSchema, queueSearchSchema, type OrganizationDisputeList } from "@/lib/domain/disputes/list-search";
import { localDateOf } from "@/lib/domain/time/local-day";
import { DISPUTE_STAFF } from "../disputes/access";
import { disputeQueue, organizationDisputePage, queueFilters, type DisputeRow } from "../disputes/queries";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";
import { translator, type Translate } from "../i18n/translator";
import { datetime, exportFormatSchema, keysetPages, money, text, type ExportColumn, type ExportSpec } from "./columns";

const EXPORT_PAGE = 1_000;

/** The case columns; the agents' export adds the factory and the agent. */
function disputeColumns(t: Translate, d: Translate, staff: boolean): ExportColumn<DisputeRow>[] {
  return [
    { key: "case", header: t("columns.case"), cell: (row) => text(row.number) },
    { key: "opened_at", header: t("columns.openedAt"), cell: (row) => datetime(row.openedAt) },
    ...(staff ? [{ key: "organization", header: t("columns.organization"), cell: (row: DisputeRow) => text(row.organizationName) }] : []),
    { key: "buyer", header: t("columns.buyer"), cell: (row) => text(row.buyerName) },
    { key: "category", header: t("columns.category"), cell: (row) => text(d(`category.${row.category}`)) },
    { key: "tier", header: t("columns.tier"), cell: (row) => text(row.tier) },
    { key: "status", header: t("columns.status"), cell: (row) => text(d(`status.${row.status}`)) },
    { key: "next_deadline", header: t("columns.nextDeadline"), cell: (row) => datetime(row.nextDueAt) },
    { key: "outcome", header: t("columns.outcome"), cell: (row) => text(row.outcome ? d(`outcome.${row.outcome}`) : null) },
    { key: "currency", header: t("columns.currency"), cell: (row) => text(row.currency) },
    { key: "disputed", header: t("columns.disputed"), cell: (row) => money(row.disputedMinor, row.currency) },
    { key: "reserved", header: t("columns.reserved"), cell: (row) => money(row.reservedMinor, row.currency) },
    ...(staff ? [{ key: "agent", header: t("columns.agent"), cell: (row: DisputeRow) => text(row.assigneeName) }] : []),
  ];
}

/** Every case the factory's list shows for this filter, in its order, from the first page on. */
export function organizationDisputeExport(organization: Pick<typeof organizations.$inferSelect, "id" | "slug">, search: OrganizationDisputeList, today: string, t: Translate, d: Translate): ExportSpec<DisputeRow> {
  return {
    filename: `disputes-${organization.slug}-${today}`,
    sheetName: t("disputes"),
    columns: disputeColumns(t, d, false),
    pages: keysetPages(async (after) => {
      const page = await organizationDisputePage(organization.id, { ...search, after }, EXPORT_PAGE);
      return { rows: page.rows, next: page.nextCursor };
    }),
  };
}

/** Authorizes and audits an export of the factory's case list as filtered; the route streams it in the chosen format. */
export const exportOrganizationDisputesAction = defineAction({
  name: "disputes.export",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: organizationDisputeListSchema.extend({ org: z.string(), format: exportFormatSchema }),
  async handler(ctx, { org: _org, after: _after, format, ...filter }) {
    const [t, d] = await Promise.all([translator(ctx.request.locale, "dashboard.exports"), translator(ctx.request.locale, "disputes")]);
    const today = localDateOf(new Date(), ctx.organization.timezone);
    ctx.audit(null, { format, filter });
    return { format, spec: organizationDisputeExport(ctx.organization, { ...filter, after: "" }, today, t, d) };
  },
});

/** The agents' queue as filtered, every page of it in the queue's order. */
export const exportDisputeQueueAction = defineAction({
  name: "disputes.exportQueue",
  access: { kind: "staff", roles: [...DISPUTE_STAFF] },
  input: queueSearchSchema.extend({ format: exportFormatSchema }),
  async handler(ctx, { format, ...filter }) {
    const [t, d] = await Promise.all([translator(ctx.request.locale, "dashboard.exports"), translator(ctx.request.locale, "disputes")]);
    ctx.audit(null, { format, filter });
    const spec: ExportSpec<DisputeRow> = {
      filename: `dispute-queue-${new Date().toISOString().slice(0, 10)}`,
      sheetName: t("disputes"),
      columns: disputeColumns(t, d, true),
      pages: keysetPages(async (after) => {
        const page = await disputeQueue({ ...queueFilters(filter, ctx.auth.user.id), after });
        return { rows: page.rows, next: page.nextCursor };
      }),
    };
    return { format, spec };
  },
});
