import { JAPANESE_ACCOUNT_TYPES, type DetailField } from "@/lib/domain/banking";

/** The words BankDetails prints, in the reader's language (strings only, so client components can receive them). */
export interface BankDetailLabels {
  fields: Record<DetailField, string>;
  accountTypes: Record<(typeof JAPANESE_ACCOUNT_TYPES)[number], string>;
  accountHolder: string;
  bankName: string;
  bankAddress: string;
  reference: string;
  referenceNote: string;
  /** "Copy {field}" with the field's label put in. */
  copy: Record<DetailField | "accountHolder" | "reference", string>;
  copied: string;
}

/** Every bank detail field, in the order labels are listed. */
export const DETAIL_FIELDS = [
  "iban",
  "bic",
  "accountNumber",
  "routingNumber",
  "sortCode",
  "bankCode",
  "branchCode",
  "accountType",
  "bsb",
  "institutionNumber",
  "transitNumber",
  "cnapsCode",
] as const satisfies readonly DetailField[];

type Translate = (key: string, values?: Record<string, string>) => string;

/** Labels from the `collections` catalog: `bankDetailLabels(await getTranslations("collections"))` or useTranslations. */
export function bankDetailLabels(t: Translate): BankDetailLabels {
  const fields = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, t(`details.fields.${field}`)])) as Record<DetailField, string>;
  const accountHolder = t("details.accountHolder");
  const reference = t("details.reference");
  return {
    fields,
    accountTypes: Object.fromEntries(JAPANESE_ACCOUNT_TYPES.map((type) => [type, t(`details.accountTypes.${type}`)])) as BankDetailLabels["accountTypes"],
    accountHolder,
    bankName: t("details.bankName"),
    bankAddress: t("details.bankAddress"),
    reference,
    referenceNote: t("details.referenceNote"),
    copy: {
      ...(Object.fromEntries(DETAIL_FIELDS.map((field) => [field, t("details.copy", { field: fields[field] })])) as Record<DetailField, string>),
      accountHolder: t("details.copy", { field: accountHolder }),
      reference: t("details.copy", { field: reference }),
    },
    copied: t("details.copied"),
  };
}
