import { PDF_LABEL_KEYS, type PdfLabels } from "@/components/invoice-pdf/invoice-pdf-data";
import { translator } from "../i18n/translator";

/** The PDF's labels in both languages at once, from the `documents.pdf` catalogs. */
export async function pdfLabels(): Promise<PdfLabels> {
  const [en, zh] = await Promise.all([translator("en", "documents.pdf"), translator("zh-CN", "documents.pdf")]);
  // `{days}` stays a placeholder: the document fills it per instalment.
  const values = { days: "{days}" };
  return Object.fromEntries(PDF_LABEL_KEYS.map((key) => [key, { en: en(key, values), zh: zh(key, values) }])) as PdfLabels;
}
