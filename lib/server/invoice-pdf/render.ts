import { renderToBuffer } from "@react-pdf/renderer";
import type { Executor } from "@/db/client";
import { InvoiceDocument } from "@/components/invoice-pdf/invoice-document";
import type { InvoicePdfData } from "@/components/invoice-pdf/invoice-pdf-data";
import { PackingListDocument } from "@/components/invoice-pdf/packing-list-document";
import { registerPdfFonts } from "./fonts";
import { pdfLabels } from "./labels";
import { invoicePdfData, type InvoiceRow } from "./load";

export interface InvoicePdfFile {
  bytes: Uint8Array;
  contentType: "application/pdf";
  name: string;
}

export async function renderInvoicePdf(data: InvoicePdfData): Promise<Uint8Array> {
  registerPdfFonts();
  // Called as a function (it has no hooks) so that the root element is typed as @react-pdf's <Document>.
  const buffer = await renderToBuffer(InvoiceDocument({ data, labels: await pdfLabels() }));
  return new Uint8Array(buffer);
}

/** A packing list for the invoice's goods (the demo seed attaches one as a trade document). */
export async function renderPackingListPdf(data: InvoicePdfData): Promise<Uint8Array> {
  registerPdfFonts();
  return new Uint8Array(await renderToBuffer(PackingListDocument({ data, labels: await pdfLabels() })));
}

/** The invoice's PDF, named by its number ("INV-2026-0001.pdf"; drafts have none yet). */
export async function invoicePdfFile(executor: Executor, invoice: InvoiceRow): Promise<InvoicePdfFile> {
  const bytes = await renderInvoicePdf(await invoicePdfData(executor, invoice));
  return { bytes, contentType: "application/pdf", name: `${invoice.number ?? "draft-invoice"}.pdf` };
}
