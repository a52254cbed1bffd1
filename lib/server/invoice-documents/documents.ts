import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { invoiceDocuments, tradeDocumentKind } from "@/db/schema";
import { ALL_MEMBER_ROLES, MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { lockInvoice } from "../invoices/drafts";
import { readUploadedDocument, storeUploadedDocument } from "../documents/upload";
import type { DocumentDownload } from "../kyb/documents";
import { storage } from "../storage";

export const TRADE_DOCUMENT_KINDS = tradeDocumentKind.enumValues;
export type TradeDocumentKind = (typeof TRADE_DOCUMENT_KINDS)[number];

/** The invoice, locked against a concurrent void; documents of a void invoice no longer change. */
async function lockChangeableInvoice(tx: Transaction, organizationId: string, invoiceId: string) {
  const invoice = await lockInvoice(tx, organizationId, invoiceId);
  if (invoice.status === "void") throw new ActionError("invoice_document_invoice_void");
  return invoice;
}

/** Attaches a trade document to an invoice, with the checks of KYB uploads: content sniffed, 10 MB, random key. */
export const uploadInvoiceDocumentAction = defineAction({
  name: "invoices.uploadDocument",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({
    org: z.string(),
    invoiceId: z.uuid(),
    kind: z.enum(TRADE_DOCUMENT_KINDS, "validation.choice"),
    file: z.instanceof(File, { message: "validation.kyb_file_required" }),
  }),
  async handler(ctx, input) {
    const upload = await readUploadedDocument(input.file);
    await lockChangeableInvoice(ctx.tx, ctx.organization.id, input.invoiceId);

    const stored = await storeUploadedDocument(ctx, `invoices/${ctx.organization.id}`, upload);
    const [document] = await ctx.tx
      .insert(invoiceDocuments)
      .values({
        invoiceId: input.invoiceId,
        organizationId: ctx.organization.id,
        kind: input.kind,
        ...stored,
        uploadedBy: ctx.auth.user.id,
      })
      .returning({ id: invoiceDocuments.id });
    ctx.audit(`invoice-document:${document!.id}`, {
      invoiceId: input.invoiceId,
      kind: input.kind,
      contentType: stored.contentType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
    });
    return { documentId: document!.id, kind: input.kind, contentType: stored.contentType };
  },
});

/** Takes a document off the invoice; the row and the stored bytes stay for the record. */
export const removeInvoiceDocumentAction = defineAction({
  name: "invoices.removeDocument",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), invoiceId: z.uuid(), documentId: z.uuid() }),
  async handler(ctx, input) {
    await lockChangeableInvoice(ctx.tx, ctx.organization.id, input.invoiceId);
    const [document] = await ctx.tx
      .update(invoiceDocuments)
      .set({ removedAt: new Date() })
      .where(
        and(
          eq(invoiceDocuments.id, input.documentId),
          eq(invoiceDocuments.invoiceId, input.invoiceId),
          eq(invoiceDocuments.organizationId, ctx.organization.id),
          isNull(invoiceDocuments.removedAt),
        ),
      )
      .returning({ id: invoiceDocuments.id, kind: invoiceDocuments.kind });
    if (!document) throw new ActionError("not_found");
    ctx.audit(`invoice-document:${document.id}`, { invoiceId: input.invoiceId, kind: document.kind });
    return { removed: true };
  },
});

/** A document still on one of the organization's invoices, for any member. Audited. */
export const downloadInvoiceDocumentAction = defineAction({
  name: "invoices.downloadDocument",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: z.object({ org: z.string(), invoiceId: z.uuid(), documentId: z.uuid() }),
  async handler(ctx, input): Promise<DocumentDownload> {
    const [document] = await ctx.tx
      .select()
      .from(invoiceDocuments)
      .where(
        and(
          eq(invoiceDocuments.id, input.documentId),
          eq(invoiceDocuments.invoiceId, input.invoiceId),
          eq(invoiceDocuments.organizationId, ctx.organization.id),
          isNull(invoiceDocuments.removedAt),
        ),
      );
    if (!document) throw new ActionError("not_found");
    const bytes = await storage().get(document.storageKey);
    if (!bytes) throw new ActionError("not_found");
    ctx.audit(`invoice-document:${document.id}`, { invoiceId: input.invoiceId, kind: document.kind });
    return { bytes, contentType: document.contentType, name: document.originalName };
  },
});
