"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarDatum {
  label: string;
  value: number;
  /** The bar's colour; the chart's colour when absent. */
  color?: string;
}

/**
 * One series of horizontal bars (so that long names such as buyers' stay readable): counts, or percentages with
 * `unit` " %". The chart is keyboard reachable (recharts' accessibility layer: focus it, then the arrow keys move the
 * tooltip); every figure is also in the table beside it.
 */
export function StatisticsBarChart({ data, title, valueName, color, unit }: { data: BarDatum[]; title: string; valueName: string; color: string; unit?: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} title={title} layout="vertical" accessibilityLayer margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={unit !== undefined} unit={unit} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={136} interval={0} />
        <Tooltip formatter={(value) => (unit ? `${Number(value).toFixed(2)}${unit}` : String(value))} />
        <Bar dataKey="value" name={valueName} fill={color}>
          {data.map((datum) => (
            <Cell key={datum.label} fill={datum.color ?? color} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
