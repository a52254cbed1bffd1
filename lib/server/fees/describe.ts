import { bpsPercent } from "@/lib/domain/fx/pricing";
import type { FeeChange } from "@/lib/domain/fees";
import { scaledDecimal } from "@/lib/domain/fees/rates";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { Translate } from "../i18n/translator";

/** Exact decimal basis points ("18", "14.85") as a percentage of the amount ("0.18", "0.1485"). */
function decimalBpsPercent(bps: string): string {
  const [whole, fraction = ""] = bps.split(".");
  return scaledDecimal(BigInt(`${whole}${fraction.padEnd(2, "0")}`), 4);
}

type CountryChange = Extract<FeeChange, { fee: "risk_surcharge_country" }>;

/**
 * The changes between two schedules as lines of text in `t`'s language (the `fees` catalog), for the notice email.
 * A base rate change moves the surcharge of every listed country alike: those share one line.
 */
export function describeChanges(t: Translate, changes: readonly FeeChange[], locale: Locale): string[] {
  const groups = new Map<string, string[]>();
  const key = (change: CountryChange) => `${change.currentBps}>${change.nextBps}`;
  for (const change of changes) if (change.fee === "risk_surcharge_country") groups.set(key(change), [...(groups.get(key(change)) ?? []), change.country]);
  return changes.flatMap((change) => {
    if (change.fee !== "risk_surcharge_country") return [describeChange(t, change, locale)];
    const countries = groups.get(key(change))!;
    return countries[0] === change.country ? [describeChange(t, change, locale, countries)] : [];
  });
}

function describeChange(t: Translate, change: FeeChange, locale: Locale, countries: readonly string[] = []): string {
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale, { display: "code" });
  const rate = (bps: number) => `${bpsPercent(bps)} %`;
  const direction = t(`changes.direction.${change.direction}`);
  switch (change.fee) {
    case "collection_rate":
      return t(change.atMonthVolumeCnyMinor === 0n ? "changes.collection_rate_base" : "changes.collection_rate", { volume: money(change.atMonthVolumeCnyMinor, "CNY"), current: rate(change.currentBps), next: rate(change.nextBps), direction });
    case "risk_surcharge_organization":
      return t("changes.risk_surcharge_organization", { current: `${decimalBpsPercent(change.currentBps)} %`, next: `${decimalBpsPercent(change.nextBps)} %`, direction });
    case "risk_surcharge_country":
      return t("changes.risk_surcharge_country", { countries: countries.join(", "), current: `${decimalBpsPercent(change.currentBps)} %`, next: `${decimalBpsPercent(change.nextBps)} %`, direction });
    case "expedited_payout":
      return t("changes.expedited_payout", { current: rate(change.currentBps), next: rate(change.nextBps), direction });
    case "payout_fixed":
    case "statement_import_fixed":
    case "chargeback_fixed":
      return t(`changes.${change.fee}`, { currency: change.currency, current: money(change.currentMinor, change.currency), next: money(change.nextMinor, change.currency), direction });
    case "fx_spread":
    case "fx_fee":
      return t(change.atCnyMinor === 0n ? `changes.${change.fee}_base` : `changes.${change.fee}`, { amount: money(change.atCnyMinor, "CNY"), current: rate(change.currentBps), next: rate(change.nextBps), direction });
  }
}
