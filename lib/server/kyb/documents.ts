import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { kybDocuments, memberships } from "@/db/schema";
import { isEditableByApplicant } from "@/lib/domain/kyb";
import { DOCUMENT_KINDS } from "@/lib/domain/kyb/fields";
import { ActionError } from "../guard/action-error";
import { defineAction, type SignedInContext } from "../guard/define-action";
import { readUploadedDocument, storeUploadedDocument } from "../documents/upload";
import { storage } from "../storage";
import { APPLICANT_ACCESS } from "./applicant";
import { lockApplicationOfOrganization, lockOrCreateApplication, recordEvent } from "./application";
import { REVIEWER_ACCESS } from "./access";

export const uploadDocumentAction = defineAction({
  name: "kyb.uploadDocument",
  access: APPLICANT_ACCESS,
  input: z.object({
    org: z.string(),
    kind: z.enum(DOCUMENT_KINDS, "validation.choice"),
    file: z.instanceof(File, { message: "validation.kyb_file_required" }),
  }),
  async handler(ctx, input) {
    const upload = await readUploadedDocument(input.file);
    const application = await lockOrCreateApplication(ctx.tx, ctx.organization.id, ctx.auth.user.id);
    if (!isEditableByApplicant(application.status)) throw new ActionError("kyb_not_editable");

    const stored = await storeUploadedDocument(ctx, `kyb/${ctx.organization.id}`, upload);
    const [document] = await ctx.tx
      .insert(kybDocuments)
      .values({
        applicationId: application.id,
        organizationId: ctx.organization.id,
        kind: input.kind,
        ...stored,
        uploadedBy: ctx.auth.user.id,
      })
      .returning({ id: kybDocuments.id });
    // ID images and the licence are one per kind: a new upload replaces the old one.
    if (input.kind === "business_licence" || input.kind === "id_front" || input.kind === "id_back") {
      await ctx.tx
        .update(kybDocuments)
        .set({ removedAt: new Date() })
        .where(
          and(
            eq(kybDocuments.applicationId, application.id),
            eq(kybDocuments.kind, input.kind),
            isNull(kybDocuments.removedAt),
            // not the one just added
            ne(kybDocuments.id, document!.id),
          ),
        );
    }
    if (application.status === "info_requested") {
      await recordEvent(ctx.tx, {
        applicationId: application.id,
        event: "document_uploaded",
        fromStatus: application.status,
        toStatus: application.status,
        actorUserId: ctx.auth.user.id,
        details: { kind: input.kind, documentId: document!.id },
      });
    }
    ctx.audit(`kyb-document:${document!.id}`, { kind: input.kind, contentType: stored.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 });
    return { documentId: document!.id, kind: input.kind, contentType: stored.contentType };
  },
});

export const removeDocumentAction = defineAction({
  name: "kyb.removeDocument",
  access: APPLICANT_ACCESS,
  input: z.object({ org: z.string(), documentId: z.uuid() }),
  async handler(ctx, input) {
    const application = await lockApplicationOfOrganization(ctx.tx, ctx.organization.id);
    if (!application) throw new ActionError("not_found");
    if (!isEditableByApplicant(application.status)) throw new ActionError("kyb_not_editable");
    const [document] = await ctx.tx
      .update(kybDocuments)
      .set({ removedAt: new Date() })
      .where(and(eq(kybDocuments.id, input.documentId), eq(kybDocuments.applicationId, application.id), isNull(kybDocuments.removedAt)))
      .returning({ id: kybDocuments.id, kind: kybDocuments.kind });
    if (!document) throw new ActionError("not_found");
    ctx.audit(`kyb-document:${document.id}`, { kind: document.kind });
    return { removed: true };
  },
});

export interface DocumentDownload {
  bytes: Uint8Array;
  contentType: string;
  name: string;
}

async function readDocument(ctx: SignedInContext, where: ReturnType<typeof and>): Promise<DocumentDownload> {
  const [document] = await ctx.tx.select().from(kybDocuments).where(where);
  if (!document) throw new ActionError("not_found");
  const bytes = await storage().get(document.storageKey);
  if (!bytes) throw new ActionError("not_found");
  ctx.audit(`kyb-document:${document.id}`, { kind: document.kind, organizationId: document.organizationId }, document.organizationId);
  return { bytes, contentType: document.contentType, name: document.originalName };
}

/** A document of the caller's own organization (owners and finance; viewers do not see identity papers). Audited. */
export const downloadOwnDocumentAction = defineAction({
  name: "kyb.downloadDocument",
  access: APPLICANT_ACCESS,
  input: z.object({ org: z.string(), documentId: z.uuid() }),
  async handler(ctx, input) {
    return readDocument(ctx, and(eq(kybDocuments.id, input.documentId), eq(kybDocuments.organizationId, ctx.organization.id)));
  },
});

/**
 * Any application's document, for KYB reviewers and platform admins. Audited. Like a decision, refused to a reviewer
 * who belongs to the applying organization (conflict of interest).
 */
export const reviewerDownloadDocumentAction = defineAction({
  name: "kyb.reviewerDownloadDocument",
  access: REVIEWER_ACCESS,
  input: z.object({ documentId: z.uuid() }),
  async handler(ctx, input) {
    const [document] = await ctx.tx
      .select({ organizationId: kybDocuments.organizationId })
      .from(kybDocuments)
      .where(eq(kybDocuments.id, input.documentId));
    if (!document) throw new ActionError("not_found");
    const [conflict] = await ctx.tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organizationId, document.organizationId), eq(memberships.userId, ctx.auth.user.id)));
    if (conflict) throw new ActionError("kyb_conflict_of_interest");
    return readDocument(ctx, eq(kybDocuments.id, input.documentId));
  },
});

/** The HTTP answer for a document: inline (previews), never sniffed, never cached. */
export function documentResponse(document: DocumentDownload, disposition: "inline" | "attachment" = "inline"): Response {
  return new Response(Buffer.from(document.bytes), {
    headers: {
      "Content-Type": document.contentType,
      "Content-Length": String(document.bytes.byteLength),
      "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(document.name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
