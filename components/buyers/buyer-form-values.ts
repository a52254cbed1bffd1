import { DEFAULT_TERMS, termsToInput } from "@/lib/domain/invoices";
import type { organizationBuyer } from "@/lib/server/buyers/queries";
import type { BuyerFormValues } from "./buyer-form";

export const NEW_BUYER_VALUES: BuyerFormValues = {
  name: "",
  country: "",
  address: "",
  taxId: "",
  defaultCurrency: "USD",
  contacts: [],
  terms: termsToInput(DEFAULT_TERMS),
};

export function buyerFormValues(buyer: NonNullable<Awaited<ReturnType<typeof organizationBuyer>>>): BuyerFormValues {
  return {
    name: buyer.name,
    country: buyer.country,
    address: buyer.address ?? "",
    taxId: buyer.taxId ?? "",
    defaultCurrency: buyer.defaultCurrency,
    contacts: buyer.contacts.map((contact) => ({ name: contact.name ?? "", email: contact.email })),
    terms: termsToInput(buyer.defaultTerms ?? DEFAULT_TERMS),
  };
}
