import { z } from "zod";
import type { organizations } from "@/db/schema";
import { payoutSearchSchema, type PayoutSearch } from "@/lib/domain/payouts/list-search";
import { localDateOf } from "@/lib/domain/time/local-day";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";
import { translator, type Translate } from "../i18n/translator";
import { listPayoutPage, type PayoutPageRow } from "../payouts/list";
import { datetime, exportFormatSchema, keysetPages, money, text, type ExportColumn, type ExportSpec } from "./columns";

const EXPORT_PAGE = 1_000;

function payoutColumns(t: Translate, payout: Translate): ExportColumn<PayoutPageRow>[] {
  return [
    { key: "requested_at", header: t("columns.requestedAt"), cell: (row) => datetime(row.requestedAt) },
    { key: "status", header: t("columns.status"), cell: (row) => text(payout(`statuses.${row.status}`)) },
    { key: "speed", header: t("columns.speed"), cell: (row) => text(payout(`speeds.${row.speed}`)) },
    { key: "currency", header: t("columns.currency"), cell: (row) => text(row.currency) },
    { key: "amount", header: t("columns.amount"), cell: (row) => money(row.amountMinor, row.currency) },
    { key: "fees", header: t("columns.fees"), cell: (row) => money(row.feeMinor, row.currency) },
    { key: "net", header: t("columns.net"), cell: (row) => money(row.netMinor, row.currency) },
    { key: "requested_by", header: t("columns.requestedBy"), cell: (row) => text(row.origin === "settlement" ? payout("list.settlementRun") : row.requesterName) },
    { key: "id", header: t("columns.id"), cell: (row) => text(row.id) },
  ];
}

/** Every payout the list shows for this filter, in its order, from the first page on. */
export function payoutExport(organization: Pick<typeof organizations.$inferSelect, "id" | "slug" | "timezone">, search: PayoutSearch, today: string, t: Translate, payout: Translate): ExportSpec<PayoutPageRow> {
  return {
    filename: `payouts-${organization.slug}-${today}`,
    sheetName: t("payouts"),
    columns: payoutColumns(t, payout),
    pages: keysetPages(async (after) => {
      const page = await listPayoutPage(organization.id, { ...search, after }, organization.timezone, EXPORT_PAGE);
      return { rows: page.rows, next: page.nextCursor };
    }),
  };
}

/** Authorizes and audits an export of the payout list as filtered; the route streams it in the chosen format. */
export const exportPayoutsAction = defineAction({
  name: "payouts.export",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: payoutSearchSchema.extend({ org: z.string(), format: exportFormatSchema }),
  async handler(ctx, { org: _org, after: _after, format, ...filter }) {
    const [t, payout] = await Promise.all([translator(ctx.request.locale, "dashboard.exports"), translator(ctx.request.locale, "payouts")]);
    const today = localDateOf(new Date(), ctx.organization.timezone);
    ctx.audit(null, { format, filter });
    return { format, spec: payoutExport(ctx.organization, { ...filter, after: "" }, today, t, payout) };
  },
});
