import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { BuyerListRow } from "@/lib/server/buyers/queries";

export async function BuyerTable({ org, rows, empty }: { org: string; rows: BuyerListRow[]; empty: string }) {
  const t = await getTranslations("invoices.buyers");
  return (
    <Table caption={t("title")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.name")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.country")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.currency")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.contact")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.invoices")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.overdue")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={6}>{empty}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="buyer-row">
            <TableCell className="font-medium">
              <Link href={`/o/${org}/buyers/${row.id}`} className="text-teal-800 hover:underline">
                {row.name}
              </Link>
            </TableCell>
            <TableCell>{row.country}</TableCell>
            <TableCell>{row.defaultCurrency}</TableCell>
            <TableCell className="text-sm text-slate-600">{row.contacts[0]?.email ?? "—"}</TableCell>
            <TableCell numeric>{row.invoiceCount}</TableCell>
            <TableCell numeric>{row.overdueCount > 0 ? <Badge tone="danger">{row.overdueCount}</Badge> : "0"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
