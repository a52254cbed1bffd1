"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type Locale, yuanFormat } from "@/components/exposure/exposure-charts";

/** One series of stacked bars: its data key, legend name, colour, and where a click on one of its bars leads. */
export interface BarSeries {
  key: string;
  name: string;
  color: string;
  stack: string;
  /** Lighter bars (invoices beside collections). */
  faded?: boolean;
}

/** A bar group: its axis label, the yuan per series, and the list each series' bar opens (by series key; `*` for all). */
export type StackedDatum = { label: string; hrefs: Record<string, string> } & Record<string, number | string | Record<string, string>>;

/**
 * Stacked bars in yuan (aging, collections beside invoices, fees): a click on a bar opens its list; `everyLabel` shows
 * every category's label (few categories) instead of thinning them out. Keyboard users
 * step through the bars with the arrow keys (recharts' accessibility layer) and follow the links in the table below.
 */
export function StackedBarChart({ data, series, title, locale, everyLabel = false }: { data: StackedDatum[]; series: BarSeries[]; title: string; locale: Locale; everyLabel?: boolean }) {
  const router = useRouter();
  const yuan = yuanFormat(locale);
  const open = (seriesKey: string) => (item: { payload?: unknown }) => {
    const hrefs = (item.payload as StackedDatum | undefined)?.hrefs;
    const href = hrefs?.[seriesKey] ?? hrefs?.["*"];
    if (href) router.push(href);
  };
  const clickable = data.some((datum) => Object.keys(datum.hrefs).length > 0);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} title={title} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: everyLabel ? 10 : 11 }} interval={everyLabel ? 0 : "preserveStartEnd"} />
        <YAxis tickFormatter={yuan.compact} tick={{ fontSize: 12 }} width={56} />
        <Tooltip formatter={yuan.exact} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stackId={s.stack}
            fill={s.color}
            fillOpacity={s.faded ? 0.45 : 1}
            stroke={s.faded ? s.color : undefined}
            cursor={clickable ? "pointer" : undefined}
            onClick={open(s.key)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface BuyerDatum {
  name: string;
  yuan: number;
  href: string;
}

/** The largest outstanding balances as horizontal bars in yuan; a click opens the buyer's unpaid invoices. */
export function TopBuyersChart({ data, label, title, locale }: { data: BuyerDatum[]; label: string; title: string; locale: Locale }) {
  const router = useRouter();
  const yuan = yuanFormat(locale);
  const short = (name: unknown) => {
    const text = String(name);
    return text.length > 18 ? `${text.slice(0, 17)}…` : text;
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" title={title} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={yuan.compact} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" tickFormatter={short} tick={{ fontSize: 11 }} width={120} interval={0} />
        <Tooltip formatter={yuan.exact} />
        <Bar
          dataKey="yuan"
          name={label}
          fill="#0f766e"
          cursor="pointer"
          onClick={(item: { payload?: unknown }) => {
            const href = (item.payload as BuyerDatum | undefined)?.href;
            if (href) router.push(href);
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
