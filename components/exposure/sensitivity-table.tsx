import { getLocale, getTranslations } from "next-intl/server";
import { TableBody, TableCell, TableFoot, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import type { MarginBasis, Sensitivity } from "@/lib/domain/exposure";
import { formatMoney } from "@/lib/domain/money";
import { moveText } from "./chart-data";
import { ScrollTable } from "./scroll-table";

/** Rows: each currency's expected CNY proceeds, the total, its change against today and the margin; columns: the moves. */
export async function SensitivityTable({ sensitivity, basis }: { sensitivity: Sensitivity; basis: MarginBasis | null }) {
  const t = await getTranslations("exposure.sensitivity");
  const locale = (await getLocale()) as "en" | "zh-CN";
  const cny = (minor: bigint) => formatMoney(minor, "CNY", locale);
  const signed = (minor: bigint) => (minor > 0n ? `+${cny(minor)}` : cny(minor));
  const tone = (minor: bigint) => (minor < 0n ? "text-red-700" : minor > 0n ? "text-emerald-700" : "text-slate-600");
  const header = (move: number) => (move === 0 ? `${t("today")} (0 %)` : t("move", { move: moveText(move) }));
  const rowHeader = "text-sm font-medium tracking-normal whitespace-normal break-words text-slate-900 normal-case min-w-28";
  return (
    <ScrollTable caption={t("caption")} data-testid="sensitivity-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("currency")}</TableHeaderCell>
          {sensitivity.moves.map((move) => (
            <TableHeaderCell key={move} numeric className={cn(move === 0 && "bg-slate-100")}>
              {header(move)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {sensitivity.currencies.map((row) => (
          <TableRow key={row.currency} data-testid="sensitivity-row" data-currency={row.currency}>
            <TableHeaderCell scope="row" className={rowHeader}>
              {formatMoney(row.amountMinor, row.currency, locale, { display: "code" })}
            </TableHeaderCell>
            {row.outcomes.map((outcome) => (
              <TableCell key={outcome.movePercent} numeric className={cn(outcome.movePercent === 0 && "bg-slate-50")}>
                <span className="block">{cny(outcome.proceedsMinor)}</span>
                {outcome.movePercent !== 0 ? <span className={cn("block text-xs", tone(outcome.changeMinor))}>{signed(outcome.changeMinor)}</span> : null}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
      <TableFoot>
        <TableRow data-testid="sensitivity-total">
          <TableHeaderCell scope="row" className={rowHeader}>
            {t("total")}
          </TableHeaderCell>
          {sensitivity.total.map((outcome) => (
            <TableCell key={outcome.movePercent} numeric data-move={outcome.movePercent} className="font-semibold">
              {cny(outcome.proceedsMinor)}
            </TableCell>
          ))}
        </TableRow>
        <TableRow data-testid="sensitivity-change">
          <TableHeaderCell scope="row" className={rowHeader}>
            {t("change")}
          </TableHeaderCell>
          {sensitivity.total.map((outcome) => (
            <TableCell key={outcome.movePercent} numeric data-move={outcome.movePercent} className={tone(outcome.changeMinor)}>
              {signed(outcome.changeMinor)}
            </TableCell>
          ))}
        </TableRow>
        {basis ? (
          <TableRow data-testid="sensitivity-margin">
            <TableHeaderCell scope="row" className={rowHeader}>
              {t("margin")}
            </TableHeaderCell>
            {sensitivity.total.map((outcome) => (
              <TableCell key={outcome.movePercent} numeric data-move={outcome.movePercent} className={cn(outcome.marginPercent !== null && Number(outcome.marginPercent) < 0 && "text-red-700")}>
                {outcome.marginPercent !== null ? `${outcome.marginPercent} %` : t("noMargin")}
              </TableCell>
            ))}
          </TableRow>
        ) : null}
      </TableFoot>
    </ScrollTable>
  );
}
