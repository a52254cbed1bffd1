"use client";

import { useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { createInvoiceDraft, updateInvoiceDraft } from "@/app/actions/invoices";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button, buttonStyles } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { INCOTERMS, INVOICE_CURRENCIES, type TermsInput } from "@/lib/domain/invoices";
import { formatMoney, type Locale } from "@/lib/domain/money";
import { liveTotals, type EditorAdjustments, type EditorLine } from "./live-totals";
import { TermsFields } from "./terms-fields";

export interface EditorBuyer {
  id: string;
  name: string;
  defaultCurrency: string;
  defaultTerms: TermsInput;
}

export interface EditorValues {
  buyerId: string;
  currency: string;
  issueDate: string;
  lines: Omit<EditorLine, "key">[];
  adjustments: EditorAdjustments;
  terms: TermsInput;
  incoterm: string;
  incotermPlace: string;
  portOfLoading: string;
  portOfDischarge: string;
  billOfLadingNumber: string;
  billOfLadingDate: string;
  notes: string;
}

const EMPTY_LINE = { description: "", hsCode: "", quantity: "", unit: "pcs", unitPrice: "" };

/** The invoice draft form: buyer, currency, line items with live totals, charges, terms and shipment. */
export function InvoiceEditor({ org, invoiceId, buyers, values }: { org: string; invoiceId?: string; buyers: EditorBuyer[]; values: EditorValues }) {
  const t = useTranslations("invoices.editor");
  const locale = useLocale() as Locale;
  const [buyerId, setBuyerId] = useState(values.buyerId);
  const [currency, setCurrency] = useState(values.currency);
  const [terms, setTerms] = useState({ version: 0, defaults: values.terms });
  const [lines, setLines] = useState<EditorLine[]>(() =>
    (values.lines.length > 0 ? values.lines : [EMPTY_LINE]).map((line, index) => ({ ...line, key: index + 1 })),
  );
  // Keys of rows added later continue after the initial rows' keys (at least one row is always shown).
  const nextKey = useRef(Math.max(values.lines.length, 1) + 1);
  const [adjustments, setAdjustments] = useState(values.adjustments);
  const live = useMemo(() => liveTotals(currency, lines, adjustments), [currency, lines, adjustments]);
  const money = (minor: bigint | null | undefined) => (minor === null || minor === undefined ? "—" : formatMoney(minor, currency, locale, { display: "code" }));

  function chooseBuyer(id: string) {
    setBuyerId(id);
    const buyer = buyers.find((b) => b.id === id);
    // A new invoice starts from the buyer's defaults; a draft being edited keeps what was typed.
    if (buyer && !invoiceId) {
      setCurrency(buyer.defaultCurrency);
      setTerms((current) => ({ version: current.version + 1, defaults: buyer.defaultTerms }));
    }
  }

  const updateLine = (key: number, field: keyof Omit<EditorLine, "key">, value: string) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, [field]: value } : line)));
  const addLine = () => setLines((current) => [...current, { ...EMPTY_LINE, key: nextKey.current++ }]);
  const removeLine = (key: number) => setLines((current) => current.filter((line) => line.key !== key));

  return (
    <ActionForm
      action={invoiceId ? updateInvoiceDraft : createInvoiceDraft}
      hidden={invoiceId ? { org, invoiceId } : { org }}
      redirectTo={(data: { invoiceId: string }) => `/o/${org}/invoices/${data.invoiceId}`}
      className="flex flex-col gap-6"
    >
      <Card>
        <CardHeader title={t("parties")} />
        <CardBody className="grid gap-4 sm:grid-cols-3">
          <FormField name="buyerId" label={t("buyer")} required hint={buyers.length === 0 ? <Link href={`/o/${org}/buyers/new`} className="font-medium text-teal-800 underline">{t("addBuyer")}</Link> : undefined}>
            <Select placeholder={t("chooseBuyer")} options={buyers.map((b) => ({ value: b.id, label: b.name }))} value={buyerId} onChange={(event) => chooseBuyer(event.target.value)} />
          </FormField>
          <FormField name="currency" label={t("currency")} required>
            <Select options={INVOICE_CURRENCIES.map((c) => ({ value: c, label: c }))} value={currency} onChange={(event) => setCurrency(event.target.value)} />
          </FormField>
          <FormField name="issueDate" label={t("issueDate")} required>
            <Input type="date" defaultValue={values.issueDate} />
          </FormField>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("lines")} description={t("totalsNote")} />
        <CardBody className="flex flex-col gap-3">
          <div className="hidden grid-cols-[minmax(0,3fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,0.8fr)_minmax(0,1.2fr)_minmax(0,1.2fr)_2.5rem] gap-2 text-xs font-semibold tracking-wide text-slate-600 uppercase lg:grid" aria-hidden="true">
            <span>{t("description")}</span>
            <span>{t("hsCode")}</span>
            <span>{t("quantity")}</span>
            <span>{t("unit")}</span>
            <span>{t("unitPrice")}</span>
            <span className="text-right">{t("amount")}</span>
            <span />
          </div>
          {lines.map((line, index) => {
            const n = index + 1;
            const label = (field: string) => `${t("line", { n })} ${t(field)}`;
            return (
              <div key={line.key} className="grid grid-cols-2 gap-2 border-b border-slate-100 pb-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,0.8fr)_minmax(0,1.2fr)_minmax(0,1.2fr)_2.5rem] lg:items-start lg:border-0 lg:pb-0" data-testid="invoice-line">
                <FormField name={`lines.${index}.description`} label={label("description")} hideLabel className="col-span-2 lg:col-span-1">
                  <Input value={line.description} onChange={(e) => updateLine(line.key, "description", e.target.value)} placeholder={t("description")} />
                </FormField>
                <FormField name={`lines.${index}.hsCode`} label={label("hsCode")} hideLabel>
                  <Input value={line.hsCode} onChange={(e) => updateLine(line.key, "hsCode", e.target.value)} placeholder="7318.15" inputMode="decimal" />
                </FormField>
                <FormField name={`lines.${index}.quantity`} label={label("quantity")} hideLabel>
                  <Input value={line.quantity} onChange={(e) => updateLine(line.key, "quantity", e.target.value)} placeholder={t("quantity")} inputMode="decimal" />
                </FormField>
                <FormField name={`lines.${index}.unit`} label={label("unit")} hideLabel>
                  <Input value={line.unit} onChange={(e) => updateLine(line.key, "unit", e.target.value)} placeholder={t("unit")} />
                </FormField>
                <FormField name={`lines.${index}.unitPrice`} label={label("unitPrice")} hideLabel>
                  <Input value={line.unitPrice} onChange={(e) => updateLine(line.key, "unitPrice", e.target.value)} placeholder={t("unitPrice")} inputMode="decimal" />
                </FormField>
                <output className="tabular flex h-10 items-center justify-end text-sm font-medium text-slate-900" data-testid="line-amount" aria-label={label("amount")}>
                  {money(live.lineAmounts[index])}
                </output>
                <Button variant="ghost" size="sm" className="h-10" onClick={() => removeLine(line.key)} disabled={lines.length === 1} aria-label={t("removeLine", { n })}>
                  ×
                </Button>
              </div>
            );
          })}
          <div>
            <Button variant="secondary" size="sm" onClick={addLine}>
              {t("addLine")}
            </Button>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("adjustments")} />
        <CardBody className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <div className="grid gap-4 sm:grid-cols-2">
            {(["discount", "freight", "insurance", "otherCharges"] as const).map((field) => (
              <FormField key={field} name={field} label={t(field)} optional>
                <Input inputMode="decimal" value={adjustments[field]} onChange={(e) => setAdjustments((current) => ({ ...current, [field]: e.target.value }))} trailing={currency} />
              </FormField>
            ))}
          </div>
          <dl className="flex flex-col gap-2 self-end rounded-md bg-slate-50 p-4 text-sm" data-testid="live-totals">
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">{t("subtotal")}</dt>
              <dd className="tabular">{money(live.totals?.subtotalMinor)}</dd>
            </div>
            <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-semibold">
              <dt>{t("total")}</dt>
              <dd className="tabular" data-testid="live-total">{money(live.totals?.totalMinor)}</dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardBody>
          <TermsFields key={terms.version} prefix="terms" defaults={terms.defaults} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("shipment")} />
        <CardBody className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <FormField name="incoterm" label={t("incoterm")} optional>
            <Select options={[{ value: "", label: t("noIncoterm") }, ...INCOTERMS.map((code) => ({ value: code, label: code }))]} defaultValue={values.incoterm} />
          </FormField>
          <FormField name="incotermPlace" label={t("incotermPlace")} optional>
            <Input defaultValue={values.incotermPlace} />
          </FormField>
          <FormField name="portOfLoading" label={t("portOfLoading")} optional>
            <Input defaultValue={values.portOfLoading} />
          </FormField>
          <FormField name="portOfDischarge" label={t("portOfDischarge")} optional>
            <Input defaultValue={values.portOfDischarge} />
          </FormField>
          <FormField name="billOfLadingNumber" label={t("billOfLadingNumber")} optional>
            <Input defaultValue={values.billOfLadingNumber} />
          </FormField>
          <FormField name="billOfLadingDate" label={t("billOfLadingDate")} optional>
            <Input type="date" defaultValue={values.billOfLadingDate} />
          </FormField>
          <FormField name="notes" label={t("notes")} optional className="sm:col-span-2 lg:col-span-3">
            <Textarea defaultValue={values.notes} rows={3} />
          </FormField>
        </CardBody>
      </Card>

      <div className="flex gap-3">
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
        <Link href={invoiceId ? `/o/${org}/invoices/${invoiceId}` : `/o/${org}/invoices`} className={buttonStyles({ variant: "secondary" })}>
          {t("cancel")}
        </Link>
      </div>
    </ActionForm>
  );
}
