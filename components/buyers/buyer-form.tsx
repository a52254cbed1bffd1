"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createBuyer, updateBuyer } from "@/app/actions/buyers";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TermsFields } from "@/components/invoices/terms-fields";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { INVOICE_CURRENCIES, type TermsInput } from "@/lib/domain/invoices";

export interface BuyerFormValues {
  name: string;
  country: string;
  address: string;
  taxId: string;
  defaultCurrency: string;
  contacts: { name: string; email: string }[];
  terms: TermsInput;
}

/** Create or edit a buyer; fields are named `buyer.*` as the action expects. */
export function BuyerForm({ org, buyerId, countries, values }: { org: string; buyerId?: string; countries: { value: string; label: string }[]; values: BuyerFormValues }) {
  const t = useTranslations("invoices.buyers.form");
  const nextKey = useRef(values.contacts.length + 1);
  const [contacts, setContacts] = useState(() => (values.contacts.length > 0 ? values.contacts : [{ name: "", email: "" }]).map((contact, index) => ({ ...contact, key: index })));
  return (
    <ActionForm
      action={buyerId ? updateBuyer : createBuyer}
      hidden={buyerId ? { org, buyerId } : { org }}
      redirectTo={(data: { buyerId: string }) => `/o/${org}/buyers/${data.buyerId}`}
      className="flex flex-col gap-6"
    >
      <Card>
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <FormField name="buyer.name" label={t("name")} required>
            <Input defaultValue={values.name} autoComplete="organization" />
          </FormField>
          <FormField name="buyer.country" label={t("country")} required>
            <Select placeholder={t("chooseCountry")} options={countries} defaultValue={values.country} />
          </FormField>
          <FormField name="buyer.address" label={t("address")} optional className="sm:col-span-2">
            <Textarea defaultValue={values.address} rows={2} />
          </FormField>
          <FormField name="buyer.taxId" label={t("taxId")} hint={t("taxIdHint")} optional>
            <Input defaultValue={values.taxId} />
          </FormField>
          <FormField name="buyer.defaultCurrency" label={t("defaultCurrency")} required>
            <Select options={INVOICE_CURRENCIES.map((c) => ({ value: c, label: c }))} defaultValue={values.defaultCurrency} />
          </FormField>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("contacts")} />
        <CardBody className="flex flex-col gap-3">
          {contacts.map((contact, index) => (
            <div key={contact.key} className="grid gap-3 sm:grid-cols-2">
              <FormField name={`buyer.contacts.${index}.name`} label={`${t("contactName")} ${index + 1}`} optional>
                <Input defaultValue={contact.name} autoComplete="off" />
              </FormField>
              <FormField name={`buyer.contacts.${index}.email`} label={`${t("contactEmail")} ${index + 1}`} optional>
                <Input type="email" defaultValue={contact.email} autoComplete="off" />
              </FormField>
            </div>
          ))}
          <div>
            <Button variant="secondary" size="sm" onClick={() => setContacts((current) => [...current, { name: "", email: "", key: nextKey.current++ }])} disabled={contacts.length >= 10}>
              {t("addContact")}
            </Button>
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardBody>
          <TermsFields prefix="buyer.terms" defaults={values.terms} />
        </CardBody>
      </Card>
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
