import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { AccountStatement } from "@/lib/domain/account-statements";
import { formatMoney, type Locale } from "@/lib/domain/money";

/** Each account's opening, money in, money out and closing, whether they agree with the ledger, and the month's fees. */
export async function StatementSummary({ statement }: { statement: AccountStatement }) {
  const t = await getTranslations("account-statements");
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint) => formatMoney(minor, statement.currency, locale);
  const unreconciled = statement.sections.filter((section) => !section.reconciled).map((section) => t(`accounts.${section.kind}`));
  return (
    <Card>
      <CardHeader title={t("summary.title")} />
      <Table caption={t("summary.caption")}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("summary.account")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("summary.opening")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("summary.credits")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("summary.debits")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("summary.closing")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {statement.sections.map((section) => (
            <TableRow key={section.kind} data-testid={`statement-summary-${section.kind}`}>
              <th scope="row" className="px-4 py-3 text-left text-sm font-medium text-slate-800">
                {t(`accounts.${section.kind}`)}
              </th>
              <TableCell numeric>{money(section.openingMinor)}</TableCell>
              <TableCell numeric>{money(section.creditsMinor)}</TableCell>
              <TableCell numeric>{money(section.debitsMinor)}</TableCell>
              <TableCell numeric className="font-semibold">
                {money(section.closingMinor)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="border-t border-slate-200 px-5 py-4">
        {unreconciled.length === 0 ? (
          <Alert tone="success">{t("reconciled")}</Alert>
        ) : (
          <Alert tone="error">{t("notReconciled", { accounts: unreconciled.join(", ") })}</Alert>
        )}
      </div>
      <div className="border-t border-slate-200">
        <h3 className="px-5 pt-4 text-sm font-semibold text-slate-900">{t("fees.title")}</h3>
        {statement.feeTotals.length === 0 ? (
          <p className="px-5 py-3 text-sm text-slate-600">{t("fees.none")}</p>
        ) : (
          <Table caption={t("fees.caption")}>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t("fees.type")}</TableHeaderCell>
                <TableHeaderCell numeric>{t("fees.count")}</TableHeaderCell>
                <TableHeaderCell numeric>{t("fees.amount")}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {statement.feeTotals.map((total) => (
                <TableRow key={total.type}>
                  <TableCell>{t.has(`feeTypes.${total.type}`) ? t(`feeTypes.${total.type}`) : total.type}</TableCell>
                  <TableCell numeric>{total.count}</TableCell>
                  <TableCell numeric>{money(total.amountMinor)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </Card>
  );
}
