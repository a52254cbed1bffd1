import { useLocale, useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableFoot, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { rateAsPercent } from "@/lib/domain/fees/rates";
import { type CurrencyCode, formatMoney, type Locale } from "@/lib/domain/money";

export interface PayoutFeeLine {
  type: string;
  rate: string | null;
  basisMinor: bigint | null;
  amountMinor: bigint;
}

export interface FeeBreakdownProps {
  currency: string;
  /** Taken from available. */
  amountMinor: bigint;
  fees: PayoutFeeLine[];
  /** Shown as a row of its own when given. */
  totalFeesMinor?: bigint;
  /** What reaches the bank account. */
  netMinor: bigint;
}

/** A payout's amount, each fee with how it was priced, and the net: the same in the preview and on the payout. */
export function FeeBreakdown({ currency, amountMinor, fees, totalFeesMinor, netMinor }: FeeBreakdownProps) {
  const t = useTranslations("payouts");
  const locale = useLocale() as Locale;
  const money = (minor: bigint) => formatMoney(minor, currency as CurrencyCode, locale, { display: "code" });
  return (
    <Table caption={t("preview.caption")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("preview.item")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("preview.amount")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow>
          <TableCell>{t("preview.taken")}</TableCell>
          <TableCell numeric>{money(amountMinor)}</TableCell>
        </TableRow>
        {fees.map((fee) => (
          <TableRow key={fee.type} data-testid={`fee-${fee.type}`}>
            <TableCell>
              {t(`feeTypes.${fee.type as "payout" | "expedited_payout"}`)}
              <span className="block text-xs text-slate-600">
                {fee.rate && fee.basisMinor !== null ? t("preview.rateOf", { rate: rateAsPercent(fee.rate), basis: money(fee.basisMinor) }) : t("preview.fixed")}
              </span>
            </TableCell>
            <TableCell numeric>−{money(fee.amountMinor)}</TableCell>
          </TableRow>
        ))}
        {totalFeesMinor !== undefined ? (
          <TableRow>
            <TableCell>{t("preview.totalFees")}</TableCell>
            <TableCell numeric data-testid="payout-fee-total">
              −{money(totalFeesMinor)}
            </TableCell>
          </TableRow>
        ) : null}
      </TableBody>
      <TableFoot>
        <TableRow>
          <TableCell>{t("preview.net")}</TableCell>
          <TableCell numeric data-testid="payout-net">
            {money(netMinor)}
          </TableCell>
        </TableRow>
      </TableFoot>
    </Table>
  );
}
