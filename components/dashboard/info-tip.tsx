"use client";

import { useId, useState } from "react";
import { Icon } from "@/components/ui/icons";

/**
 * A small "i" button whose explanation shows while it is hovered or focused, stays while the pointer is over the
 * text, and closes with Escape; screen readers hear it as the button's description.
 */
export function InfoTip({ label, text }: { label: string; text: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="relative inline-flex" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        aria-label={label}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((shown) => !shown)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
        className="inline-flex size-6 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-700"
        data-testid="dso-formula-button"
      >
        <Icon name="info" className="size-4" />
      </button>
      <span
        id={id}
        role="tooltip"
        className={`absolute top-7 left-1/2 z-20 w-72 max-w-[80vw] -translate-x-1/2 rounded-md bg-slate-900 px-3 py-2 text-xs leading-relaxed font-normal text-white shadow-lg ${open ? "" : "sr-only"}`}
        data-testid="dso-formula"
      >
        {text}
      </span>
    </span>
  );
}
