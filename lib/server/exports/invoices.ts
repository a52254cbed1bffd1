import { z } from "zod";
import type { organizations } from "@/db/schema";
import { invoiceSearchSchema, type InvoiceSearch } from "@/lib/domain/invoices/list-search";
import { localDateOf } from "@/lib/domain/time/local-day";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";
import { translator, type Translate } from "../i18n/translator";
import { listInvoices, type InvoiceListRow } from "../invoices/list";
import { date, exportFormatSchema, keysetPages, money, text, type ExportColumn, type ExportSpec } from "./columns";

const EXPORT_PAGE = 1_000;

function invoiceColumns(t: Translate, status: Translate): ExportColumn<InvoiceListRow>[] {
  return [
    { key: "number", header: t("columns.number"), cell: (row) => text(row.number) },
    { key: "buyer", header: t("columns.buyer"), cell: (row) => text(row.buyerName) },
    { key: "status", header: t("columns.status"), cell: (row) => text(status(row.displayStatus)) },
    { key: "currency", header: t("columns.currency"), cell: (row) => text(row.currency) },
    { key: "issue_date", header: t("columns.issueDate"), cell: (row) => date(row.issueDate) },
    { key: "next_due_date", header: t("columns.nextDueDate"), cell: (row) => date(row.nextDueDate) },
    { key: "total", header: t("columns.total"), cell: (row) => money(row.totalMinor, row.currency) },
    { key: "paid", header: t("columns.paid"), cell: (row) => money(row.paidMinor, row.currency) },
    { key: "outstanding", header: t("columns.outstanding"), cell: (row) => money(row.status === "void" ? 0n : row.totalMinor - row.paidMinor, row.currency) },
  ];
}

/** Every invoice the list shows for this filter, in its order, from the first page on. */
export function invoiceExport(organization: Pick<typeof organizations.$inferSelect, "id" | "slug">, search: InvoiceSearch, today: string, t: Translate, status: Translate): ExportSpec<InvoiceListRow> {
  return {
    filename: `invoices-${organization.slug}-${today}`,
    sheetName: t("invoices"),
    columns: invoiceColumns(t, status),
    pages: keysetPages(async (after) => {
      const page = await listInvoices(organization.id, { ...search, after }, EXPORT_PAGE, undefined, today);
      return { rows: page.rows, next: page.nextCursor };
    }),
  };
}

/** Authorizes and audits an export of the invoice list as filtered; the route streams it in the chosen format. */
export const exportInvoicesAction = defineAction({
  name: "invoices.export",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: invoiceSearchSchema.extend({ org: z.string(), format: exportFormatSchema }),
  async handler(ctx, { org: _org, after: _after, format, ...filter }) {
    const [t, status] = await Promise.all([translator(ctx.request.locale, "dashboard.exports"), translator(ctx.request.locale, "invoices.status")]);
    const today = localDateOf(new Date(), ctx.organization.timezone);
    ctx.audit(null, { format, filter });
    return { format, spec: invoiceExport(ctx.organization, { ...filter, after: "" }, today, t, status) };
  },
});
