import { getTranslations } from "next-intl/server";
import type { ComponentProps } from "react";
import { buttonStyles } from "@/components/ui/button";

/* The pieces of the plain GET filter forms above lists: the filter lives in the URL, so a view can be bookmarked
   and exported as it is. */

const control = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";
const labelStyle = "flex flex-col gap-1 text-sm font-medium text-slate-800";

export interface FilterOption {
  value: string;
  label: string;
}

/** A select whose first option (`anyLabel`, value "") means "no filter"; omit `anyLabel` when every view is filtered. */
export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel,
}: {
  label: string;
  name: string;
  value: string;
  options: readonly FilterOption[];
  anyLabel?: string;
}) {
  return (
    <label className={labelStyle}>
      {label}
      <select name={name} defaultValue={value} className={control}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterInput({ label, className, ...input }: { label: string } & ComponentProps<"input">) {
  return (
    <label className={labelStyle}>
      {label}
      <input className={className ? `${control} ${className}` : control} {...input} />
    </label>
  );
}

/** From/to date inputs named `from` and `to`. */
export function DateRangeFields({ from, to, labels }: { from: string; to: string; labels: { from: string; to: string } }) {
  return (
    <>
      <FilterInput label={labels.from} type="date" name="from" defaultValue={from} />
      <FilterInput label={labels.to} type="date" name="to" defaultValue={to} />
    </>
  );
}

/** Apply, and export when the list has one: the export link carries the same filter as the view. */
export async function FilterActions({ exportHref }: { exportHref?: string }) {
  const common = await getTranslations("common");
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonStyles({ size: "sm" })}>
        {common("buttons.apply")}
      </button>
      {exportHref ? (
        <a href={exportHref} className={buttonStyles({ size: "sm", variant: "secondary" })} download>
          {common("buttons.exportCsv")}
        </a>
      ) : null}
    </div>
  );
}
