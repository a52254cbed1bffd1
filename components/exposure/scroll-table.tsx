import type { ComponentProps } from "react";

/**
 * A table in a region that scrolls sideways on narrow screens; the region takes keyboard focus so that people who
 * do not use a mouse can scroll it too (the shared Table's wrapper cannot be focused).
 */
export function ScrollTable({ caption, children, ...props }: ComponentProps<"table"> & { caption: string }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="w-full overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-teal-600">
      <table className="w-full border-collapse text-left text-sm" {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
