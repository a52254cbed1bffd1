import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { rateAsPercent } from "@/lib/domain/fees/rates";
import { type CurrencyCode, formatMoney, type Locale } from "@/lib/domain/money";
import type { BatchStatement, StatementLine } from "@/lib/domain/settlement/batch";

type Summarized = Exclude<StatementLine, { kind: "collection" }>;

/**
 * The statement from gross to net: the gross, each collection fee (grouped by type and rate), the reconciling line,
 * the amount settled, the conversion, the payout fees and the net. Collections are listed in their own table.
 */
export async function StatementSummary({ statement }: { statement: BatchStatement }) {
  const t = await getTranslations("settlement");
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency as CurrencyCode, locale, { display: "code" });
  const lines = statement.lines.filter((line): line is Summarized => line.kind !== "collection");
  // Collection fees are shown per type and rate (each collection's fee is in the collections table).
  const collectionFees = new Map<string, { feeType: string; rate: string | null; currency: string; amountMinor: bigint; basisMinor: bigint; count: number }>();
  for (const line of lines) {
    if (line.kind !== "fee" || line.reference === null) continue;
    const key = `${line.feeType}:${line.rate}`;
    const total = collectionFees.get(key) ?? { feeType: line.feeType, rate: line.rate, currency: line.currency, amountMinor: 0n, basisMinor: 0n, count: 0 };
    collectionFees.set(key, { ...total, amountMinor: total.amountMinor + line.amountMinor, basisMinor: total.basisMinor + (line.basisMinor ?? 0n), count: total.count + 1 });
  }

  const rows: { key: string; label: string; detail?: string; amount: string; strong?: boolean; testId?: string }[] = [];
  for (const line of lines) {
    switch (line.kind) {
      case "gross":
        rows.push({ key: "gross", label: t("lines.gross"), amount: money(line.amountMinor, line.currency), strong: true, testId: "statement-gross" });
        for (const fee of collectionFees.values()) {
          rows.push({
            key: `fee-${fee.feeType}-${fee.rate}`,
            label: t(`feeTypes.${fee.feeType}`),
            detail: fee.rate ? t("lines.rateOf", { rate: rateAsPercent(fee.rate), basis: money(fee.basisMinor, fee.currency) }) : undefined,
            amount: money(fee.amountMinor, fee.currency),
            testId: `statement-fee-${fee.feeType}`,
          });
        }
        break;
      case "fee":
        if (line.reference !== null) break;
        rows.push({
          key: `fee-${line.feeType}-${line.currency}`,
          label: t(`feeTypes.${line.feeType}`),
          detail: line.rate && line.basisMinor !== null ? t("lines.rateOf", { rate: rateAsPercent(line.rate), basis: money(line.basisMinor, line.currency) }) : t("lines.fixed"),
          amount: money(line.amountMinor, line.currency),
          testId: `statement-fee-${line.feeType}`,
        });
        break;
      case "other":
        rows.push({ key: "other", label: t("lines.other"), detail: t("lines.otherHint"), amount: money(line.amountMinor, line.currency), testId: "statement-other" });
        break;
      case "settled":
        rows.push({ key: "settled", label: t("lines.settled"), amount: money(line.amountMinor, line.currency), strong: true, testId: "statement-settled" });
        break;
      case "fx":
        rows.push({
          key: "fx",
          label: t("lines.fx", { sold: money(-line.amountMinor, line.currency), bought: money(line.counterAmountMinor, line.counterCurrency) }),
          detail: t("lines.fxRate", { rate: line.rate, mid: line.mid }),
          amount: `${money(line.amountMinor, line.currency)} → +${money(line.counterAmountMinor, line.counterCurrency)}`,
          testId: "statement-fx",
        });
        break;
      case "net":
        rows.push({ key: "net", label: t("lines.net"), amount: money(line.amountMinor, line.currency), strong: true, testId: "statement-net" });
        break;
    }
  }

  return (
    <Table caption={t("statement.summaryCaption")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("statement.item")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("statement.amount")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} data-testid={row.testId}>
            <TableCell className={row.strong ? "font-semibold" : undefined}>
              {row.label}
              {row.detail ? <span className="block text-xs font-normal text-slate-600">{row.detail}</span> : null}
            </TableCell>
            <TableCell numeric className={row.strong ? "font-semibold" : undefined}>
              {row.amount}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
