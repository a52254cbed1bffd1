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
        <Table caption={t("volumeTiers")} showCaption wrapperClassName="max-w-2xl">
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("tier")}</TableHeaderCell>
              <TableHeaderCell>{t("volumeFrom")}</TableHeaderCell>
              <TableHeaderCell>{t("tierRate")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {volumeTiers.map((tier, index) => (
              <TableRow key={index}>
                <TableCell className="text-sm text-slate-600">{index + 1}</TableCell>
                <TableCell>
                  <FormField name={`volumeTiers.${index}.from`} label={t("volumeFromLabel", { n: index + 1 })} hideLabel>
                    <Input inputMode="decimal" defaultValue={tier.from} trailing="CNY" autoComplete="off" />
                  </FormField>
                </TableCell>
                <TableCell>
                  <FormField name={`volumeTiers.${index}.rate`} label={t("tierRateLabel", { n: index + 1 })} hideLabel>
                    <Input inputMode="decimal" defaultValue={tier.rate} trailing="%" autoComplete="off" />
                  </FormField>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
        <Table caption={t("fxTiers")} wrapperClassName="max-w-3xl">
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("tier")}</TableHeaderCell>
              <TableHeaderCell>{t("fxFrom")}</TableHeaderCell>
              <TableHeaderCell>{t("fxSpread")}</TableHeaderCell>
              <TableHeaderCell>{t("fxFee")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {fxTiers.map((tier, index) => (
              <TableRow key={index}>
                <TableCell className="text-sm text-slate-600">{index + 1}</TableCell>
                <TableCell>
                  <FormField name={`fxTiers.${index}.from`} label={t("fxFromLabel", { n: index + 1 })} hideLabel>
                    <Input inputMode="decimal" defaultValue={tier.from} trailing="CNY" autoComplete="off" />
                  </FormField>
                </TableCell>
                <TableCell>
                  <FormField name={`fxTiers.${index}.spread`} label={t("fxSpreadLabel", { n: index + 1 })} hideLabel>
                    <Input inputMode="decimal" defaultValue={tier.spread} trailing="%" autoComplete="off" />
                  </FormField>
                </TableCell>
                <TableCell>
                  <FormField name={`fxTiers.${index}.fee`} label={t("fxFeeLabel", { n: index + 1 })} hideLabel>
                    <Input inputMode="decimal" defaultValue={tier.fee} trailing="%" autoComplete="off" />
                  </FormField>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <div className="border-t border-slate-200 pt-5">
        <SubmitButton pendingText={t("publishing")}>{t("publish", { version: nextVersion })}</SubmitButton>
      </div>
    </ActionForm>
  );
}
