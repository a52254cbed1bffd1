import type { CurrencyCode } from "@/lib/domain/money";
import { DETAIL_FIELDS } from "@/components/receiving/labels";

/** The PDF's fixed texts: every label is printed in English with its Chinese beside it. */
export const PDF_LABEL_KEYS = [
  "title",
  "packingListTitle",
  "draft",
  "void",
  "seller",
  "buyer",
  "uscc",
  "taxId",
  "country",
  "email",
  "number",
  "issueDate",
  "currency",
  "shipment",
  "incoterm",
  "portOfLoading",
  "portOfDischarge",
  "billOfLading",
  "billOfLadingDate",
  "lineNumber",
  "description",
  "hsCode",
  "quantity",
  "unit",
  "unitPrice",
  "amount",
  "subtotal",
  "discount",
  "freight",
  "insurance",
  "otherCharges",
  "total",
  "schedule",
  "instalment",
  "share",
  "dueDate",
  "deposit",
  "balance",
  "full",
  "dueAfterBillOfLading",
  "paymentInstructions",
  "payByTransfer",
  "accountHolder",
  "bankName",
  "bankAddress",
  ...DETAIL_FIELDS,
  "reference",
  "payOnline",
  "noAccount",
  "notes",
  "page",
] as const;

export type PdfLabelKey = (typeof PDF_LABEL_KEYS)[number];
export interface BilingualText {
  en: string;
  zh: string;
}
export type PdfLabels = Record<PdfLabelKey, BilingualText>;

export interface InvoicePdfLine {
  description: string;
  hsCode: string | null;
  /** Exact decimal strings as stored. */
  quantity: string;
  unit: string;
  unitPrice: string;
  amountMinor: bigint;
}

export interface InvoicePdfInstalment {
  label: string;
  shareBps: number;
  amountMinor: bigint;
  /** Null while the due date waits on the B/L date; then `daysAfterBillOfLading` says when. */
  dueDate: string | null;
  daysAfterBillOfLading: number | null;
}

export interface InvoicePdfCollectionAccount {
  accountHolder: string;
  bankName: string;
  bankAddress: string | null;
  /** The scheme's fields in print order, as printed: [["iban", "DE89 3704 0044 0532 0130 00"], ["bic", "…"]]. */
  details: [string, string][];
}

/** Everything the invoice PDF shows, already read and checked: the components never touch the database. */
export interface InvoicePdfData {
  /** Printed across every page of a draft or a void invoice. */
  watermark: "draft" | "void" | null;
  seller: { nameEn: string; nameZh: string | null; address: string | null; uscc: string | null };
  buyer: { name: string; address: string | null; country: string; taxId: string | null; email: string | null };
  number: string | null;
  issueDate: string;
  currency: CurrencyCode;
  lines: InvoicePdfLine[];
  subtotalMinor: bigint;
  discountMinor: bigint;
  freightMinor: bigint;
  insuranceMinor: bigint;
  otherChargesMinor: bigint;
  totalMinor: bigint;
  incoterm: string | null;
  incotermPlace: string | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  billOfLadingNumber: string | null;
  billOfLadingDate: string | null;
  notes: string | null;
  instalments: InvoicePdfInstalment[];
  collectionAccount: InvoicePdfCollectionAccount | null;
  /** Electronic form, e.g. RF18539007547034; null on drafts. */
  rfReference: string | null;
  payUrl: string | null;
}
