/** Constants the KYB pages and use cases share (no database here, so client components may import them). */

export const KYB_SECTIONS = ["company", "legalRepresentative", "beneficialOwners", "bankAccount", "documents"] as const;
export type KybSection = (typeof KYB_SECTIONS)[number];

export const DOCUMENT_KINDS = ["business_licence", "id_front", "id_back", "export_contract", "customs_declaration"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const REQUIRED_DOCUMENT_KINDS: readonly DocumentKind[] = ["business_licence", "id_front", "id_back"];

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** A multipart request carrying one document: the file plus its form fields and boundaries. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;
/** Accepted by their content (magic bytes), whatever the name or the browser's claimed type. */
export const ACCEPTED_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

export const INDUSTRIES = [
  "hardware_tools",
  "textiles_apparel",
  "electronics",
  "furniture",
  "machinery",
  "plastics_rubber",
  "toys_sporting",
  "ceramics_glass",
  "chemicals",
  "food_agriculture",
  "other",
] as const;

export const SETTLEMENT_CURRENCIES = ["USD", "EUR", "GBP", "JPY", "AUD", "CAD", "HKD", "SGD"] as const;
export const ID_TYPES = ["prc_resident_id", "passport"] as const;
export type IdType = (typeof ID_TYPES)[number];

/** Fields a reviewer can ask about; labels are `kyb.fields.<key>`. */
export const REQUESTABLE_FIELDS = [
  "company.legalNameZh",
  "company.legalNameEn",
  "company.uscc",
  "company.registeredAddress",
  "company.establishedOn",
  "company.businessScope",
  "company.customsCode",
  "company.industry",
  "company.website",
  "company.expectedMonthlyVolume",
  "company.currencies",
  "company.buyerCountries",
  "legalRepresentative.name",
  "legalRepresentative.idNumber",
  "legalRepresentative.nationality",
  "beneficialOwners.owners",
  "bankAccount.bankName",
  "bankAccount.branchName",
  "bankAccount.accountHolder",
  "bankAccount.accountNumber",
  "bankAccount.cnaps",
  "bankAccount.swiftBic",
  "bankAccount.iban",
  "documents.business_licence",
  "documents.id_front",
  "documents.id_back",
  "documents.export_contract",
  "documents.customs_declaration",
] as const;
export type RequestableField = (typeof REQUESTABLE_FIELDS)[number];

export const MAX_BENEFICIAL_OWNERS = 4;
