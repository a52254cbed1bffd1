import { z } from "zod";
import type { organizations } from "@/db/schema";
import { paymentSearchSchema, type PaymentSearch } from "@/lib/domain/payments/list-search";
import { localDateOf } from "@/lib/domain/time/local-day";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";
import { translator, type Translate } from "../i18n/translator";
import { listPayments, type PaymentListRow } from "../matching/payment-list";
import { date, exportFormatSchema, keysetPages, money, text, type ExportColumn, type ExportSpec } from "./columns";

const EXPORT_PAGE = 1_000;

function paymentColumns(t: Translate, status: Translate, source: Translate): ExportColumn<PaymentListRow>[] {
  return [
    { key: "booking_date", header: t("columns.bookingDate"), cell: (row) => date(row.bookingDate) },
    { key: "value_date", header: t("columns.valueDate"), cell: (row) => date(row.valueDate) },
    { key: "source", header: t("columns.source"), cell: (row) => text(source.has(row.source) ? source(row.source) : row.source) },
    { key: "payer", header: t("columns.payer"), cell: (row) => text(row.payerName) },
    { key: "buyer", header: t("columns.buyer"), cell: (row) => text(row.buyerName) },
    { key: "reference", header: t("columns.reference"), cell: (row) => text(row.reference) },
    { key: "remittance_text", header: t("columns.remittance"), cell: (row) => text(row.remittanceText) },
    { key: "currency", header: t("columns.currency"), cell: (row) => text(row.currency) },
    { key: "amount", header: t("columns.amount"), cell: (row) => money(row.amountMinor, row.currency) },
    { key: "unapplied", header: t("columns.unapplied"), cell: (row) => money(row.unappliedMinor, row.currency) },
    { key: "bank_charges", header: t("columns.charges"), cell: (row) => money(row.chargesMinor, row.currency) },
    { key: "status", header: t("columns.status"), cell: (row) => text(status(row.matchStatus)) },
    { key: "bank_ref", header: t("columns.bankRef"), cell: (row) => text(row.bankRef) },
  ];
}

/** Every payment the list shows for this filter (tab included), in its order, from the first page on. */
export function paymentExport(
  organization: Pick<typeof organizations.$inferSelect, "id" | "slug">,
  search: PaymentSearch,
  today: string,
  labels: { t: Translate; status: Translate; source: Translate },
): ExportSpec<PaymentListRow> {
  return {
    filename: `payments-${organization.slug}-${today}`,
    sheetName: labels.t("payments"),
    columns: paymentColumns(labels.t, labels.status, labels.source),
    pages: keysetPages(async (after) => {
      const page = await listPayments(organization.id, { ...search, after }, undefined, EXPORT_PAGE);
      return { rows: page.payments, next: page.nextCursor };
    }),
  };
}

/** Authorizes and audits an export of the payment list as filtered; the route streams it in the chosen format. */
export const exportPaymentsAction = defineAction({
  name: "payments.export",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: paymentSearchSchema.extend({ org: z.string(), format: exportFormatSchema }),
  async handler(ctx, { org: _org, after: _after, format, ...filter }) {
    const locale = ctx.request.locale;
    const [t, status, source] = await Promise.all([translator(locale, "dashboard.exports"), translator(locale, "matching.status"), translator(locale, "matching.source")]);
    ctx.audit(null, { format, filter });
    return { format, spec: paymentExport(ctx.organization, { ...filter, after: "" }, localDateOf(new Date(), ctx.organization.timezone), { t, status, source }) };
  },
});
