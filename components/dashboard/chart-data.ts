import type { createFormatter } from "next-intl";
import { yuanForChart } from "@/components/exposure/chart-data";
import { cnyEquivalent } from "@/lib/domain/fx/quote";

/** The yuan a bar draws for an amount, or null when its currency has no fresh rate (then it is in the table only). */
export function yuanOf(amountMinor: bigint, currency: string, mids: Readonly<Record<string, string>>): number | null {
  if (currency === "CNY") return yuanForChart(amountMinor);
  const mid = mids[currency];
  return mid === undefined ? null : yuanForChart(cnyEquivalent(amountMinor, currency, mid));
}

/** A month as a chart's axis shows it, short, or as a table row shows it, long. */
export function monthLabel(format: ReturnType<typeof createFormatter>, month: string, style: "short" | "long"): string {
  return format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: style === "short" ? "2-digit" : "numeric", month: style, timeZone: "UTC" });
}
