import type { Locale } from "@/i18n/catalog";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { PayInstalment } from "@/lib/server/pay/invoice-by-token";
import { payDate, payMoney } from "./format";
import { dueText, instalmentName } from "./instalment-label";
import { payTranslations } from "@/components/pay/translations";

const TONES: Record<string, BadgeTone> = { open: "neutral", partially_paid: "info", paid: "success", void: "neutral" };

/** Every instalment of the invoice with its share, amount, what is paid and when it is due. */
export async function InstalmentSchedule({ locale, instalments, currency }: { locale: Locale; instalments: PayInstalment[]; currency: string }) {
  const t = await payTranslations(locale, "pay");
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  return (
    <Card>
      <CardHeader title={t("schedule.title")} />
      <Table>
        <TableHead>
          <tr>
            <TableHeaderCell>{t("schedule.instalment")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("schedule.share")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("schedule.amount")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("schedule.paid")}</TableHeaderCell>
            <TableHeaderCell>{t("schedule.due")}</TableHeaderCell>
            <TableHeaderCell>{t("schedule.status")}</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {instalments.map((instalment) => (
            <TableRow key={instalment.id} data-testid={`instalment-${instalment.label}`}>
              <TableCell className="font-medium">{instalmentName(t, instalment)}</TableCell>
              <TableCell numeric>{percent.format(instalment.shareBps / 10_000)}</TableCell>
              <TableCell numeric>{payMoney(instalment.amountMinor, currency, locale)}</TableCell>
              <TableCell numeric>{payMoney(instalment.paidMinor, currency, locale)}</TableCell>
              <TableCell>{dueText(t, instalment, (date) => payDate(date, locale))}</TableCell>
              <TableCell>
                <Badge tone={TONES[instalment.status] ?? "neutral"} dot>
                  {t(`schedule.statuses.${instalment.status}`)}
                </Badge>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
