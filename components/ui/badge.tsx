import type { ComponentProps } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "brand" | "info" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  brand: "bg-teal-50 text-teal-800 ring-teal-600/30",
  info: "bg-sky-50 text-sky-800 ring-sky-600/30",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  warning: "bg-amber-50 text-amber-900 ring-amber-600/40",
  danger: "bg-red-50 text-red-800 ring-red-600/30",
};

const dots: Record<BadgeTone, string> = {
  neutral: "bg-slate-500",
  brand: "bg-teal-600",
  info: "bg-sky-600",
  success: "bg-emerald-600",
  warning: "bg-amber-500",
  danger: "bg-red-600",
};

export interface BadgeProps extends ComponentProps<"span"> {
  tone?: BadgeTone;
  /** A coloured dot before the text, for statuses. */
  dot?: boolean;
}

/** A short status or category label. The text must carry the meaning; colour only supports it. */
export function Badge({ tone = "neutral", dot = false, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...props}
    >
      {dot ? <span className={cn("size-1.5 rounded-full", dots[tone])} aria-hidden="true" /> : null}
      {children}
    </span>
  );
}
