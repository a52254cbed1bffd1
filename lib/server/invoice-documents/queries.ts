import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { invoiceDocuments, users } from "@/db/schema";

/** The documents on an invoice of the organization (removed ones are kept but not listed), oldest first. */
export async function invoiceDocumentList(organizationId: string, invoiceId: string) {
  return db()
    .select({
      id: invoiceDocuments.id,
      kind: invoiceDocuments.kind,
      originalName: invoiceDocuments.originalName,
      contentType: invoiceDocuments.contentType,
      sizeBytes: invoiceDocuments.sizeBytes,
      createdAt: invoiceDocuments.createdAt,
      uploadedBy: users.name,
    })
    .from(invoiceDocuments)
    .leftJoin(users, eq(users.id, invoiceDocuments.uploadedBy))
    .where(and(eq(invoiceDocuments.organizationId, organizationId), eq(invoiceDocuments.invoiceId, invoiceId), isNull(invoiceDocuments.removedAt)))
    .orderBy(asc(invoiceDocuments.createdAt));
}

export type InvoiceDocumentListItem = Awaited<ReturnType<typeof invoiceDocumentList>>[number];
