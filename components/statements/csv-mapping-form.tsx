"use client";

import { useTranslations } from "next-intl";
import { deleteCsvMapping, saveCsvMapping } from "@/app/actions/statements";
import { ActionForm, type FormValues } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { CsvMapping } from "@/lib/domain/statements";

const DELIMITERS = [
  { value: ",", key: "comma" },
  { value: ";", key: "semicolon" },
  { value: "\t", key: "tab" },
  { value: "|", key: "pipe" },
] as const;
const DATE_FORMATS = ["YYYY-MM-DD", "DD.MM.YYYY", "MM/DD/YYYY", "YYYYMMDD"] as const;
const TEXT_COLUMNS = ["account", "currency", "bookingDate", "valueDate", "bankRef", "text", "party", "ref"] as const;
const REQUIRED = new Set(["bookingDate", "bankRef"]);

/** Empty choices are left out: no delimiter means "detect", no direction column means signed amounts. */
function toInput(values: FormValues): unknown {
  const mapping = values.mapping as { delimiter?: string; columns: Record<string, unknown> & { direction?: { column?: string } } };
  if (!mapping.delimiter) delete mapping.delimiter;
  if (!mapping.columns.direction?.column) delete mapping.columns.direction;
  return values;
}

/** Creates or edits the column mapping of one bank's CSV export. */
export function CsvMappingForm({ org, bankName, mapping }: { org: string; bankName?: string; mapping?: CsvMapping }) {
  const t = useTranslations("statements.mappings");
  const columns = mapping?.columns;
  return (
    <ActionForm action={saveCsvMapping} hidden={{ org }} transform={toInput} successMessage={t("saved")} className="flex flex-col gap-4" data-testid="csv-mapping-form" key={bankName ?? "new"}>
      <div className="grid gap-4 sm:grid-cols-4">
        <FormField name="bankName" label={t("bankName")} required>
          <Input defaultValue={bankName ?? ""} autoComplete="off" />
        </FormField>
        <FormField name="mapping.delimiter" label={t("delimiter")}>
          <Select defaultValue={mapping?.delimiter ?? ""} options={[{ value: "", label: t("delimiterAuto") }, ...DELIMITERS.map((d) => ({ value: d.value, label: t(`delimiters.${d.key}`) }))]} />
        </FormField>
        <FormField name="mapping.dateFormat" label={t("dateFormat")} required>
          <Select defaultValue={mapping?.dateFormat ?? "YYYY-MM-DD"} options={DATE_FORMATS.map((f) => ({ value: f, label: f }))} />
        </FormField>
        <FormField name="mapping.decimalSeparator" label={t("decimalSeparator")} required>
          <Select defaultValue={mapping?.decimalSeparator ?? "."} options={[{ value: ".", label: "1,234.56" }, { value: ",", label: "1.234,56" }]} />
        </FormField>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("columnsLegend")}</legend>
        <FormField name="mapping.columns.amount" label={t("amount")} hint={t("amountHint")} required>
          <Input defaultValue={columns?.amount ?? ""} autoComplete="off" />
        </FormField>
        {TEXT_COLUMNS.map((column) => (
          <FormField key={column} name={`mapping.columns.${column}`} label={t(column)} required={REQUIRED.has(column)} optional={!REQUIRED.has(column)}>
            <Input defaultValue={columns?.[column] ?? ""} autoComplete="off" />
          </FormField>
        ))}
        <FormField name="mapping.columns.direction.column" label={t("directionColumn")} optional>
          <Input defaultValue={columns?.direction?.column ?? ""} autoComplete="off" />
        </FormField>
        <FormField name="mapping.columns.direction.creditValue" label={t("creditValue")} optional>
          <Input defaultValue={columns?.direction?.creditValue ?? ""} autoComplete="off" />
        </FormField>
        <FormField name="mapping.columns.direction.debitValue" label={t("debitValue")} optional>
          <Input defaultValue={columns?.direction?.debitValue ?? ""} autoComplete="off" />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("defaultsLegend")}</legend>
        <FormField name="mapping.defaults.account" label={t("defaultAccount")} optional>
          <Input defaultValue={mapping?.defaults?.account ?? ""} autoComplete="off" />
        </FormField>
        <FormField name="mapping.defaults.currency" label={t("defaultCurrency")} optional>
          <Input defaultValue={mapping?.defaults?.currency ?? ""} maxLength={3} autoComplete="off" />
        </FormField>
      </fieldset>
      <div>
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function DeleteCsvMappingButton({ org, mappingId }: { org: string; mappingId: string }) {
  const t = useTranslations("statements.mappings");
  return (
    <ActionForm action={deleteCsvMapping} hidden={{ org, mappingId }} successMessage={t("deleted")}>
      <SubmitButton variant="ghost" size="sm">
        {t("delete")}
      </SubmitButton>
    </ActionForm>
  );
}
