import type { FeeItem, FeeValue } from "@/lib/domain/fees/side-by-side";
import { rateAsPercent } from "@/lib/domain/fees/rates";
import { bpsPercent } from "@/lib/domain/fx/pricing";
import { formatMoney, type Locale } from "@/lib/domain/money";

/** A translator of the `fees` catalog, as next-intl gives it (keys built at run time here). */
export type FeesTranslate = (key: string, values?: Record<string, string | number>) => string;

export type FeeGroup = "collections" | "payouts" | "other" | "fx";

export function groupOf(feeItem: FeeItem): FeeGroup {
  switch (feeItem.item) {
    case "collection_rate":
    case "risk_surcharge_organization":
    case "risk_surcharge_country":
      return "collections";
    case "payout_fixed":
    case "expedited_payout":
      return "payouts";
    case "statement_import_fixed":
    case "chargeback_fixed":
      return "other";
    case "fx_tier":
      return "fx";
  }
}

/** The row's label: "Collection fee from a monthly volume of CNY 1,000,000.00", "Payout fee (USD)". */
export function itemLabel(t: FeesTranslate, feeItem: FeeItem, locale: Locale): string {
  const cny = (minor: bigint) => formatMoney(minor, "CNY", locale, { display: "code" });
  switch (feeItem.item) {
    case "collection_rate":
      return feeItem.fromMonthVolumeCnyMinor === 0n ? t("items.collection_rate_base") : t("items.collection_rate_from", { amount: cny(feeItem.fromMonthVolumeCnyMinor) });
    case "fx_tier":
      return feeItem.fromCnyMinor === 0n ? t("items.fx_tier_base") : t("items.fx_tier_from", { amount: cny(feeItem.fromCnyMinor) });
    case "payout_fixed":
    case "statement_import_fixed":
    case "chargeback_fixed":
      return feeItem.currency ? t(`items.${feeItem.item}`, { currency: feeItem.currency }) : t(`items.${feeItem.item}_any`);
    default:
      return t(`items.${feeItem.item}`);
  }
}

/** A price as the table shows it: "0.6 % of the amount", "+30 % of the base rate (0.18 % of the amount)", "USD 1.50". */
export function valueText(t: FeesTranslate, feeItem: FeeItem, value: FeeValue, locale: Locale): string {
  switch (value.kind) {
    case "rate":
      return value.bps === 0 ? t("values.none") : t("values.rate", { rate: bpsPercent(value.bps) });
    case "surcharge":
      return value.percent === 0 ? t("values.none") : t("values.surcharge", { percent: value.percent, rate: rateAsPercent(value.rate) });
    case "fixed":
      return value.amountMinor === 0n || !("currency" in feeItem) || !feeItem.currency
        ? t("values.none")
        : t("values.fixed", { amount: formatMoney(value.amountMinor, feeItem.currency, locale, { display: "code" }) });
    case "fx":
      return value.feeBps === 0 ? t("values.fxNoFee", { spread: bpsPercent(value.spreadBps) }) : t("values.fx", { spread: bpsPercent(value.spreadBps), fee: bpsPercent(value.feeBps) });
  }
}

/** The countries a country surcharge applies to, under its price. */
export function countriesText(t: FeesTranslate, value: FeeValue): string | null {
  if (value.kind !== "surcharge" || value.countries === null) return null;
  return value.countries.length === 0 ? t("values.noCountries") : t("values.countries", { countries: value.countries.join(", ") });
}
