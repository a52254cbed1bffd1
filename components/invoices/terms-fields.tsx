"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TermsInput } from "@/lib/domain/invoices";

/** Payment terms as form fields named `<prefix>.kind`, `<prefix>.days`, …: one due date, or deposit and balance. */
export function TermsFields({ prefix, defaults }: { prefix: string; defaults: TermsInput }) {
  const t = useTranslations("invoices.terms");
  const [kind, setKind] = useState(defaults.kind === "deposit_balance" ? "deposit_balance" : "single");
  const anchors = [
    { value: "issue", label: t("anchorIssue") },
    { value: "bill_of_lading", label: t("anchorBl") },
  ];
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{t("legend")}</legend>
      <div className="flex flex-wrap gap-4 text-sm text-slate-800" role="radiogroup" aria-label={t("kind")}>
        {(["single", "deposit_balance"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name={`${prefix}.kind`} value={value} checked={kind === value} onChange={() => setKind(value)} className="size-4 accent-teal-700" />
            {t(value)}
          </label>
        ))}
      </div>
      {kind === "single" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField name={`${prefix}.days`} label={t("days")} required>
            <Input inputMode="numeric" defaultValue={defaults.days ?? "60"} />
          </FormField>
          <FormField name={`${prefix}.anchor`} label={t("anchor")} required>
            <Select options={anchors} defaultValue={defaults.anchor ?? "issue"} />
          </FormField>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FormField name={`${prefix}.depositPercent`} label={t("depositPercent")} required>
            <Input inputMode="decimal" defaultValue={defaults.depositPercent ?? "30"} trailing="%" />
          </FormField>
          <FormField name={`${prefix}.depositDays`} label={t("depositDays")} hint={t("depositDaysHint")} required>
            <Input inputMode="numeric" defaultValue={defaults.depositDays ?? "0"} />
          </FormField>
          <FormField name={`${prefix}.balanceDays`} label={t("balanceDays")} required>
            <Input inputMode="numeric" defaultValue={defaults.balanceDays ?? "60"} />
          </FormField>
          <FormField name={`${prefix}.balanceAnchor`} label={t("balanceAnchor")} required>
            <Select options={anchors} defaultValue={defaults.balanceAnchor ?? "bill_of_lading"} />
          </FormField>
        </div>
      )}
    </fieldset>
  );
}
