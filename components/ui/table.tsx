import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export interface TableProps extends ComponentProps<"table"> {
  /** Describes the table for screen readers (visually hidden unless `showCaption`). */
  caption?: ReactNode;
  showCaption?: boolean;
  /** Classes for the scrolling wrapper. */
  wrapperClassName?: string;
}

/** A semantic table that scrolls sideways on narrow screens instead of breaking the layout. */
export function Table({ caption, showCaption = false, wrapperClassName, className, children, ...props }: TableProps) {
  return (
    <div className={cn("w-full overflow-x-auto", wrapperClassName)}>
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props}>
        {caption ? (
          <caption className={cn(showCaption ? "px-4 py-2 text-left text-sm text-slate-600" : "sr-only")}>{caption}</caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function TableHead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-slate-200 bg-slate-50", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function TableFoot({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={cn("border-t border-slate-200 bg-slate-50 font-medium", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("hover:bg-slate-50/70", className)} {...props} />;
}

export interface TableCellProps {
  /** Right-aligned with tabular digits: amounts, counts. */
  numeric?: boolean;
}

export function TableHeaderCell({ numeric, scope = "col", className, ...props }: ComponentProps<"th"> & TableCellProps) {
  return (
    <th
      scope={scope}
      className={cn(
        "px-4 py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase",
        numeric && "text-right",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ numeric, className, ...props }: ComponentProps<"td"> & TableCellProps) {
  return (
    <td className={cn("px-4 py-3 align-middle text-slate-800", numeric && "tabular text-right whitespace-nowrap", className)} {...props} />
  );
}

/** A full-width row for "no results" inside the table body. */
export function TableEmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-4 py-10 text-center text-sm text-slate-500">
        {children}
      </td>
    </tr>
  );
}
