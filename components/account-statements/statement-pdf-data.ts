import type { AccountStatement } from "@/lib/domain/account-statements";
import type { OrganizationAccountKind } from "@/lib/domain/ledger";
import type { BilingualText } from "@/components/invoice-pdf/invoice-pdf-data";

/** The statement PDF's fixed texts, each printed in English with its Chinese. */
export const STATEMENT_PDF_LABEL_KEYS = [
  "title",
  "currency",
  "period",
  "timeZone",
  "generated",
  "toDate",
  "summary",
  "account",
  "opening",
  "credits",
  "debits",
  "closing",
  "date",
  "description",
  "reference",
  "debit",
  "credit",
  "balance",
  "fees",
  "reconciled",
  "notReconciled",
  "noLines",
  "refund",
  "page",
] as const;

export type StatementPdfLabels = Record<(typeof STATEMENT_PDF_LABEL_KEYS)[number], BilingualText>;

/** Everything the statement PDF prints, already read and checked: the components never touch the database. */
export interface StatementPdfData {
  holder: { nameEn: string; nameZh: string | null };
  statement: AccountStatement;
  timeZone: string;
  /** First and last dates of the period, `YYYY-MM-DD`. */
  first: string;
  last: string;
  toDate: boolean;
  /** When the PDF was made, in the organization's time: `YYYY-MM-DD HH:MM`. */
  generatedAt: string;
  accountNames: Record<OrganizationAccountKind, BilingualText>;
  /** Names of the entry types and fee types the statement shows; a type without one is printed as it is. */
  typeNames: Record<string, BilingualText>;
  feeNames: Record<string, BilingualText>;
  /** Names of the kinds of cause that have no reference label (printed with the cause's short id). */
  causeNames: Record<string, BilingualText>;
  /** The entry descriptions the templates made, by stored text, in English and Chinese; others are printed as stored. */
  descriptions: Record<string, BilingualText>;
  /** Reference labels by causeKey. */
  references: Record<string, string>;
}
