"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { publishFeeSchedule } from "@/app/actions/fees";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { FeeScheduleForm } from "@/lib/domain/fees/form";

/** Rows offered for tiers: those of the schedule, then empty ones up to the most a schedule may have. */
const TIER_ROWS = 6;

function padded<T>(rows: T[], blank: T): T[] {
  return [...rows, ...Array.from({ length: Math.max(0, TIER_ROWS - rows.length) }, () => blank)];
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 border-t border-slate-200 pt-5">
      <legend className="pr-2 text-base font-semibold text-slate-900">{title}</legend>
      {hint ? <p className="-mt-2 text-sm text-slate-600">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

interface TierColumn<Field extends string> {
  field: Field;
  header: string;
  /** The hidden label of the input in tier `n` (1-based). */
  label: (n: number) => string;
  trailing: string;
}

interface TierTableProps<Field extends string> {
  caption: string;
  showCaption?: boolean;
  wrapperClassName: string;
  /** The form field the rows are posted under: `${group}.${index}.${field}`. */
  group: string;
  rows: Record<Field, string>[];
  columns: TierColumn<Field>[];
}

/** A numbered row of decimal inputs per tier. */
function TierTable<Field extends string>({ caption, showCaption, wrapperClassName, group, rows, columns }: TierTableProps<Field>) {
  const t = useTranslations("fees.form");
  return (
    <Table caption={caption} showCaption={showCaption} wrapperClassName={wrapperClassName}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("tier")}</TableHeaderCell>
          {columns.map((column) => (
            <TableHeaderCell key={column.field}>{column.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((tier, index) => (
          <TableRow key={index}>
            <TableCell className="text-sm text-slate-600">{index + 1}</TableCell>
            {columns.map((column) => (
              <TableCell key={column.field}>
                <FormField name={`${group}.${index}.${column.field}`} label={column.label(index + 1)} hideLabel>
                  <Input inputMode="decimal" defaultValue={tier[column.field]} trailing={column.trailing} autoComplete="off" />
                </FormField>
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export interface ScheduleFormProps {
  organizationId: string;
  /** The version the form is prefilled from; the new one follows it. */
  basedOnVersion: number;
  values: FeeScheduleForm;
  /** "Raises: from 27 Dec 2026 · lowering only: from today". */
  effectiveHint: string;
}

/** Every price of a new version, prefilled with the latest one; publishing it notifies the organization. */
export function ScheduleForm({ organizationId, basedOnVersion, values, effectiveHint }: ScheduleFormProps) {
  const t = useTranslations("fees.form");
  const nextVersion = basedOnVersion + 1;
  const volumeTiers = padded(values.volumeTiers, { from: "", rate: "" });
  const fxTiers = padded(values.fxTiers, { from: "", spread: "", fee: "" });
  return (
    <ActionForm
      action={publishFeeSchedule}
      hidden={{ organizationId, basedOnVersion: String(basedOnVersion) }}
      successMessage={(data: { version: number; effectiveFrom: string }) => t("published", { version: data.version, date: data.effectiveFrom })}
      className="flex flex-col gap-6"
    >
      <FormField name="effectiveFrom" label={t("effectiveFrom")} hint={effectiveHint} required className="max-w-xl">
        <Input type="date" defaultValue={values.effectiveFrom} className="max-w-xs" />
      </FormField>

      <Section title={t("collections")} hint={t("collectionsHint")}>
        <FormField name="baseRate" label={t("baseRate")} required className="max-w-xs">
          <Input inputMode="decimal" defaultValue={values.baseRate} trailing="%" autoComplete="off" />
        </FormField>
        <TierTable
          caption={t("volumeTiers")}
          showCaption
          wrapperClassName="max-w-2xl"
          group="volumeTiers"
          rows={volumeTiers}
          columns={[
            { field: "from", header: t("volumeFrom"), label: (n) => t("volumeFromLabel", { n }), trailing: "CNY" },
            { field: "rate", header: t("tierRate"), label: (n) => t("tierRateLabel", { n }), trailing: "%" },
          ]}
        />
      </Section>

      <Section title={t("risk")} hint={t("riskHint")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField name="riskOrganizationPercent" label={t("riskOrganization")} optional>
            <Input inputMode="numeric" defaultValue={values.riskOrganizationPercent} trailing="%" autoComplete="off" />
          </FormField>
          <FormField name="riskCountryPercent" label={t("riskCountry")} optional>
            <Input inputMode="numeric" defaultValue={values.riskCountryPercent} trailing="%" autoComplete="off" />
          </FormField>
        </div>
        <FormField name="riskCountries" label={t("riskCountries")} hint={t("riskCountriesHint")} optional>
          <Textarea rows={2} defaultValue={values.riskCountries} spellCheck={false} />
        </FormField>
      </Section>

      <Section title={t("payouts")}>
        <FormField name="expeditedRate" label={t("expeditedRate")} hint={t("expeditedHint")} required className="max-w-xs">
          <Input inputMode="decimal" defaultValue={values.expeditedRate} trailing="%" autoComplete="off" />
        </FormField>
      </Section>

      <Section title={t("fixedFees")} hint={t("fixedFeesHint")}>
        <Table caption={t("fixedFees")} wrapperClassName="max-w-3xl">
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("currency")}</TableHeaderCell>
              <TableHeaderCell>{t("payoutFee")}</TableHeaderCell>
              <TableHeaderCell>{t("statementImportFee")}</TableHeaderCell>
              <TableHeaderCell>{t("chargebackFee")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {values.fixedFees.map((row, index) => (
              <TableRow key={row.currency}>
                <TableCell className="font-medium">
                  {row.currency}
                  <input type="hidden" name={`fixedFees.${index}.currency`} value={row.currency} />
                </TableCell>
                {(["payout", "statementImport", "chargeback"] as const).map((kind) => (
                  <TableCell key={kind}>
                    <FormField name={`fixedFees.${index}.${kind}`} label={t(`${kind}Label`, { currency: row.currency })} hideLabel>
                      <Input inputMode="decimal" defaultValue={row[kind]} trailing={row.currency} autoComplete="off" />
                    </FormField>
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title={t("fx")} hint={t("fxHint")}>
        <TierTable
          caption={t("fxTiers")}
          wrapperClassName="max-w-3xl"
          group="fxTiers"
          rows={fxTiers}
          columns={[
            { field: "from", header: t("fxFrom"), label: (n) => t("fxFromLabel", { n }), trailing: "CNY" },
            { field: "spread", header: t("fxSpread"), label: (n) => t("fxSpreadLabel", { n }), trailing: "%" },
            { field: "fee", header: t("fxFee"), label: (n) => t("fxFeeLabel", { n }), trailing: "%" },
          ]}
        />
      </Section>

      <div className="border-t border-slate-200 pt-5">
        <SubmitButton pendingText={t("publishing")}>{t("publish", { version: nextVersion })}</SubmitButton>
      </div>
    </ActionForm>
  );
}
