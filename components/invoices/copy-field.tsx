"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A read-only value with a copy button (the pay link). */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const t = useTranslations("invoices.detail");
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <div className="flex items-center gap-2">
      <input readOnly value={value} aria-label={label} data-testid={testId} className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-xs text-slate-800" onFocus={(e) => e.currentTarget.select()} />
      <Button variant="secondary" size="sm" onClick={copy} aria-live="polite">
        {copied ? t("copied") : t("copy")}
      </Button>
    </div>
  );
}
