import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { Icon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "error";

const tones: Record<AlertTone, string> = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  error: "border-red-200 bg-red-50 text-red-900",
};

const iconColors: Record<AlertTone, string> = {
  info: "text-sky-700",
  success: "text-emerald-700",
  warning: "text-amber-700",
  error: "text-red-700",
};

export interface AlertProps extends Omit<ComponentProps<"div">, "title"> {
  tone?: AlertTone;
  title?: ReactNode;
  /** Buttons or links under the message. */
  actions?: ReactNode;
}

/**
 * A message box. Errors are announced at once (`role="alert"`), the other tones politely (`role="status"`);
 * pass `role` to override.
 */
export function Alert({ tone = "info", title, actions, className, children, role, ...props }: AlertProps) {
  return (
    <div
      role={role ?? (tone === "error" ? "alert" : "status")}
      className={cn("flex gap-3 rounded-md border px-4 py-3 text-sm", tones[tone], className)}
      {...props}
    >
      <Icon name={tone} className={cn("mt-0.5 size-5 shrink-0", iconColors[tone])} />
      <div className="min-w-0 flex-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className={cn(title ? "mt-1" : null, "[&_a]:font-medium [&_a]:underline")}>{children}</div> : null}
        {actions ? <div className="mt-3 flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
