import type { ReactNode } from "react";

/**
 * A chart with its title, description and a note on keyboard use; `children` is the chart (focusable, arrow keys
 * step through it) and `alternative` the same figures as text or a table, always rendered.
 */
export function ChartFigure({ id, title, description, keyboardNote, children, alternative }: { id: string; title: string; description: string; keyboardNote: string; children: ReactNode; alternative?: ReactNode }) {
  return (
    <figure className="flex min-w-0 flex-col gap-3" aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`}>
      <figcaption className="min-w-0">
        <h3 id={`${id}-title`} className="text-sm font-semibold break-words text-slate-900">
          {title}
        </h3>
        <p id={`${id}-description`} className="mt-0.5 text-sm break-words text-slate-600">
          {description} <span className="text-slate-500">{keyboardNote}</span>
        </p>
      </figcaption>
      <div className="h-72 w-full min-w-0 rounded-md border border-slate-100 p-2 focus-within:ring-2 focus-within:ring-teal-600">{children}</div>
      {alternative}
    </figure>
  );
}
