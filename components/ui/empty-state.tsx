import type { ReactElement, ReactNode } from "react";
import { cn } from "./cn";
import { Icon, isIconName, type IconName } from "./icons";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** A button or link to get started. */
  action?: ReactNode;
  icon?: IconName | ReactElement;
  /** Heading level of the title; h2 by default. */
  as?: "h2" | "h3" | "p";
  className?: string;
}

export function EmptyState({ title, description, action, icon = "inbox", as: Heading = "h2", className }: EmptyStateProps) {
  return (
    <div className={cn("flex flex-col items-center justify-center px-6 py-12 text-center", className)}>
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-500" aria-hidden="true">
        {isIconName(icon) ? <Icon name={icon} className="size-6" /> : icon}
      </div>
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {description ? <p className="mt-1.5 max-w-md text-sm text-slate-600">{description}</p> : null}
      {action ? <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
