"use client";

import type { ComponentProps } from "react";
import { cn } from "./cn";
import { describedBy, useFieldControl } from "./field";
import { Icon } from "./icons";
import { controlBorder, controlStyles } from "./input";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends ComponentProps<"select"> {
  /** The choices; alternatively pass `<option>` children. */
  options?: readonly SelectOption[];
  /** A first, empty choice ("Choose…"), submitted as "". */
  placeholder?: string;
}

/** A native select (keyboard and screen-reader behaviour for free), styled to match Input. */
export function Select({ options, placeholder, className, children, multiple, ...props }: SelectProps) {
  const field = useFieldControl();
  const invalid = props["aria-invalid"] === true || props["aria-invalid"] === "true" || Boolean(field?.invalid);
  return (
    <div className="relative">
      <select
        multiple={multiple}
        {...props}
        id={props.id ?? field?.id}
        name={props.name ?? field?.name}
        aria-describedby={describedBy(field?.describedBy, props["aria-describedby"])}
        aria-invalid={invalid || undefined}
        aria-required={props["aria-required"] ?? (field?.required || undefined)}
        className={cn(
          controlStyles,
          controlBorder(invalid),
          "text-sm",
          multiple ? "min-h-24 px-2 py-1.5" : "h-10 appearance-none pr-9 pl-3",
          className,
        )}
      >
        {placeholder !== undefined && !multiple ? <option value="">{placeholder}</option> : null}
        {options?.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
      {multiple ? null : (
        <Icon name="chevronDown" className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500" />
      )}
    </div>
  );
}
