"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Locale = "en" | "zh-CN";

/** Yuan on a chart: exact in tooltips, compact on the axis. */
export function yuanFormat(locale: Locale) {
  const exact = new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  return { exact: (value: unknown) => exact.format(Number(value)), compact: (value: unknown) => compact.format(Number(value)) };
}

export interface CurrencyChartDatum {
  currency: string;
  receivables: number;
  balances: number;
}

/** Receivables and balances per currency in yuan, stacked. */
export function CurrencyExposureChart({ data, labels, title, locale }: { data: CurrencyChartDatum[]; labels: { receivables: string; balances: string }; title: string; locale: Locale }) {
  const yuan = yuanFormat(locale);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} title={title} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="currency" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={yuan.compact} tick={{ fontSize: 12 }} width={56} />
        <Tooltip formatter={yuan.exact} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="receivables" name={labels.receivables} stackId="exposure" fill="#0f766e" />
        <Bar dataKey="balances" name={labels.balances} stackId="exposure" fill="#7dd3c0" />
      </BarChart>
    </ResponsiveContainer>
  );
}

export type DueMonthChartDatum = { label: string } & Record<string, number | string>;

/** Receivables in yuan per due bucket, stacked by currency. */
export function DueMonthChart({ data, currencies, colors, title, locale }: { data: DueMonthChartDatum[]; currencies: string[]; colors: Record<string, string>; title: string; locale: Locale }) {
  const yuan = yuanFormat(locale);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} title={title} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
        <YAxis tickFormatter={yuan.compact} tick={{ fontSize: 12 }} width={56} />
        <Tooltip formatter={yuan.exact} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {currencies.map((currency) => (
          <Bar key={currency} dataKey={currency} name={currency} stackId="due" fill={colors[currency]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface SensitivityChartDatum {
  move: string;
  proceeds: number;
  margin: number | null;
}

/** Total proceeds per move as bars, the margin as a line on its own axis when there is one. */
export function SensitivityChart({ data, labels, title, locale }: { data: SensitivityChartDatum[]; labels: { proceeds: string; margin: string }; title: string; locale: Locale }) {
  const yuan = yuanFormat(locale);
  const hasMargin = data.some((datum) => datum.margin !== null);
  const lowest = Math.min(...data.map((datum) => datum.proceeds));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} title={title} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="move" tick={{ fontSize: 12 }} />
        <YAxis yAxisId="proceeds" tickFormatter={yuan.compact} tick={{ fontSize: 12 }} width={56} domain={[Math.floor(lowest * 0.9), "auto"]} />
        {hasMargin ? <YAxis yAxisId="margin" orientation="right" unit=" %" tick={{ fontSize: 12 }} width={52} /> : null}
        <Tooltip formatter={(value, name) => (name === labels.margin ? `${Number(value).toFixed(2)} %` : yuan.exact(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="proceeds" dataKey="proceeds" name={labels.proceeds} fill="#0f766e" />
        {hasMargin ? <Line yAxisId="margin" dataKey="margin" name={labels.margin} stroke="#b45309" strokeWidth={2} dot={{ r: 3 }} type="monotone" /> : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
