import { createHash } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoiceDocuments, invoices } from "@/db/schema";
import { invoicePdfData } from "@/lib/server/invoice-pdf/load";
import { renderInvoicePdf, renderPackingListPdf } from "@/lib/server/invoice-pdf/render";
import { randomStorageKey, storage } from "@/lib/server/storage";
import type { FoundationSeed } from "./foundation";

/** How many of Haiguang's issued invoices get their trade documents on file. */
const INVOICES_WITH_DOCUMENTS = 3;

/**
 * The commercial invoice (the invoice's own PDF) and a packing list on Haiguang's oldest issued invoices, stored
 * through the storage adapter as finance's uploads would be.
 */
export async function seedInvoiceDocuments(tx: Transaction, foundation: FoundationSeed): Promise<void> {
  const issued = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.organizationId, foundation.factory.id), inArray(invoices.status, ["open", "partially_paid", "paid"])))
    .orderBy(asc(invoices.issueDate), asc(invoices.number))
    .limit(INVOICES_WITH_DOCUMENTS);
  for (const invoice of issued) {
    const data = await invoicePdfData(tx, invoice);
    const files = [
      { kind: "commercial_invoice" as const, name: `${invoice.number}.pdf`, bytes: await renderInvoicePdf(data) },
      { kind: "packing_list" as const, name: `${invoice.number} packing list.pdf`, bytes: await renderPackingListPdf(data) },
    ];
    for (const file of files) {
      const storageKey = randomStorageKey(`invoices/${invoice.organizationId}`);
      await storage().put(storageKey, file.bytes, "application/pdf");
      await tx.insert(invoiceDocuments).values({
        invoiceId: invoice.id,
        organizationId: invoice.organizationId,
        kind: file.kind,
        storageKey,
        originalName: file.name,
        contentType: "application/pdf",
        sizeBytes: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        uploadedBy: foundation.userIds.finance,
      });
    }
  }
}
