/** The currencies an approved organization gets receiving details in. */
export const COLLECTION_CURRENCIES = ["USD", "EUR", "GBP", "JPY", "AUD", "CAD", "HKD", "SGD", "CNY"] as const;
export type CollectionCurrency = (typeof COLLECTION_CURRENCIES)[number];

export function isCollectionCurrency(value: string): value is CollectionCurrency {
  return (COLLECTION_CURRENCIES as readonly string[]).includes(value);
}

/**
 * How buyers address a payment in each currency: an IBAN (EUR, GBP), an ABA routing number (USD), or the
 * local clearing codes of the country (bank/branch codes, BSB, institution/transit, CNAPS).
 */
export const SCHEMES = ["iban", "us_ach", "jp_zengin", "au_bsb", "ca_eft", "hk_local", "sg_local", "cn_cnaps"] as const;
export type ReceivingScheme = (typeof SCHEMES)[number];

/** The detail fields buyers need, in the order they are shown; the BIC is there for SWIFT payments from abroad. */
export const SCHEME_FIELDS = {
  iban: ["iban", "bic"],
  us_ach: ["accountNumber", "routingNumber", "bic"],
  jp_zengin: ["bankCode", "branchCode", "accountType", "accountNumber", "bic"],
  au_bsb: ["bsb", "accountNumber", "bic"],
  ca_eft: ["institutionNumber", "transitNumber", "accountNumber", "bic"],
  hk_local: ["bankCode", "branchCode", "accountNumber", "bic"],
  sg_local: ["bankCode", "branchCode", "accountNumber", "bic"],
  cn_cnaps: ["cnapsCode", "accountNumber", "bic"],
} as const satisfies Record<ReceivingScheme, readonly string[]>;

/** The national parts of an IBAN, shown beside it for buyers paying domestically (UK sort code, German BLZ). */
export const IBAN_NATIONAL_FIELDS: Readonly<Record<string, readonly DetailField[]>> = {
  GB: ["sortCode", "accountNumber"],
  DE: ["bankCode", "accountNumber"],
};

export type DetailField =
  | "iban"
  | "bic"
  | "accountNumber"
  | "routingNumber"
  | "sortCode"
  | "bankCode"
  | "branchCode"
  | "accountType"
  | "bsb"
  | "institutionNumber"
  | "transitNumber"
  | "cnapsCode";

export type ReceivingDetails = Partial<Record<DetailField, string>>;

export const CURRENCY_SCHEME: Readonly<Record<CollectionCurrency, ReceivingScheme>> = {
  USD: "us_ach",
  EUR: "iban",
  GBP: "iban",
  JPY: "jp_zengin",
  AUD: "au_bsb",
  CAD: "ca_eft",
  HKD: "hk_local",
  SGD: "sg_local",
  CNY: "cn_cnaps",
};

export function isReceivingScheme(value: string): value is ReceivingScheme {
  return (SCHEMES as readonly string[]).includes(value);
}
