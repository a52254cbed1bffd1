import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { yuanForChart } from "@/components/exposure/chart-data";
import { ChartFigure } from "@/components/exposure/chart-figure";
import { ScrollTable } from "@/components/exposure/scroll-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { TopBuyer } from "@/lib/domain/dashboard";
import { formatMoney } from "@/lib/domain/money";
import { TopBuyersChart } from "./dashboard-charts";
import { buyerInvoicesHref, type LinkScope } from "./links";

/** The ten largest outstanding balances with each buyer's average days late; a bar or a name opens the buyer's unpaid invoices. */
export async function BuyersSection({ buyers, scope }: { buyers: readonly TopBuyer[]; scope: LinkScope }) {
  const t = await getTranslations("dashboard.buyers");
  const charts = await getTranslations("dashboard.charts");
  const locale = (await getLocale()) as "en" | "zh-CN";
  const data = buyers.map((buyer) => ({ name: buyer.name, yuan: yuanForChart(buyer.outstandingCnyMinor), href: buyerInvoicesHref(scope, buyer.buyerId) }));
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="flex flex-col gap-4">
        {buyers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ChartFigure
            id="dashboard-buyers"
            title={t("title")}
            description={t("description")}
            keyboardNote={charts("keyboard")}
            alternative={
              <ScrollTable caption={t("caption")} data-testid="buyers-table">
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>{t("buyer")}</TableHeaderCell>
                    <TableHeaderCell numeric>{t("outstanding")}</TableHeaderCell>
                    <TableHeaderCell numeric>{t("cny")}</TableHeaderCell>
                    <TableHeaderCell numeric>{t("averageDaysLate")}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {buyers.map((buyer) => (
                    <TableRow key={buyer.buyerId} data-testid="buyers-row">
                      <TableHeaderCell scope="row" className="min-w-40 text-sm font-medium tracking-normal break-words whitespace-normal text-slate-900 normal-case">
                        <Link href={buyerInvoicesHref(scope, buyer.buyerId)} className="text-teal-800 underline-offset-2 hover:underline" aria-label={t("open", { buyer: buyer.name })}>
                          {buyer.name}
                        </Link>
                      </TableHeaderCell>
                      <TableCell numeric>
                        {buyer.outstanding.map((entry) => (
                          <span key={entry.currency} className="block">
                            {formatMoney(entry.amountMinor, entry.currency, locale, { display: "code" })}
                          </span>
                        ))}
                      </TableCell>
                      <TableCell numeric>{formatMoney(buyer.outstandingCnyMinor, "CNY", locale)}</TableCell>
                      <TableCell numeric data-testid="buyers-days-late">{buyer.averageDaysLate === null ? t("noHistory") : t("days", { days: buyer.averageDaysLate })}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </ScrollTable>
            }
          >
            <TopBuyersChart data={data} label={t("cny")} title={t("title")} locale={locale} />
          </ChartFigure>
        )}
      </CardBody>
    </Card>
  );
}
