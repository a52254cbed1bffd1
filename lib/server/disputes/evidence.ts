import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { disputeEvidence, disputeEvidenceKind, disputes } from "@/db/schema";
import { isFinal, isUndecided } from "@/lib/domain/disputes";
import { now } from "../clock";
import { readUploadedDocument, storeUploadedDocument } from "../documents/upload";
import { ALL_MEMBER_ROLES, MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction, type ActionContext } from "../guard/define-action";
import type { DocumentDownload } from "../kyb/documents";
import { storage } from "../storage";
import { DISPUTE_STAFF } from "./access";
import { buyerTokenInput, lockBuyerDispute, disputeByBuyerToken } from "./buyer-link";
import { lockDispute, lockOrganizationDispute, recordEvent, type CaseActor, type Dispute } from "./case";

export const DISPUTE_EVIDENCE_KINDS = disputeEvidenceKind.enumValues;
export const MAX_EVIDENCE_NOTE = 500;

const upload = {
  kind: z.enum(DISPUTE_EVIDENCE_KINDS, "validation.choice"),
  note: z.string().trim().max(MAX_EVIDENCE_NOTE).optional(),
  file: z.instanceof(File, { message: "validation.kyb_file_required" }),
};

/**
 * Stores an evidence file with the checks of KYB uploads (size, then the content sniffed: PDF, JPEG, PNG; a random
 * key outside the web root; removed again if the transaction rolls back) and records it in the case history. The
 * factory and the buyer add evidence while the case is undecided, agents until it is final.
 */
async function addEvidence(
  ctx: Pick<ActionContext, "tx" | "afterRollback">,
  dispute: Dispute,
  actor: CaseActor,
  input: { kind: (typeof DISPUTE_EVIDENCE_KINDS)[number]; note?: string; file: File },
) {
  if (isFinal(dispute.status)) throw new ActionError("dispute_case_final");
  if (actor.kind !== "agent" && !isUndecided(dispute.status)) throw new ActionError("dispute_case_decided");
  const document = await readUploadedDocument(input.file);
  const stored = await storeUploadedDocument(ctx, `disputes/${dispute.organizationId}`, document);
  const at = await now(ctx.tx);
  const [evidence] = await ctx.tx
    .insert(disputeEvidence)
    .values({
      disputeId: dispute.id,
      organizationId: dispute.organizationId,
      kind: input.kind,
      uploadedByKind: actor.kind,
      uploadedBy: actor.userId,
      note: input.note || null,
      ...stored,
      at,
    })
    .returning({ id: disputeEvidence.id });
  await recordEvent(ctx.tx, dispute, { kind: "evidence", actor, at, details: { evidenceId: evidence!.id, kind: input.kind, name: stored.originalName } });
  return {
    evidenceId: evidence!.id,
    kind: input.kind,
    contentType: stored.contentType,
    audit: { number: dispute.number, evidenceId: evidence!.id, kind: input.kind, contentType: stored.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
  };
}

export const factoryUploadEvidenceAction = defineAction({
  name: "disputes.factoryUploadEvidence",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), disputeId: z.uuid(), ...upload }),
  async handler(ctx, input) {
    const dispute = await lockOrganizationDispute(ctx.tx, ctx.organization.id, input.disputeId);
    const { audit, ...result } = await addEvidence(ctx, dispute, { kind: "factory", userId: ctx.auth.user.id }, input);
    ctx.audit(`dispute:${dispute.id}`, audit);
    return result;
  },
});

export const agentUploadEvidenceAction = defineAction({
  name: "disputes.agentUploadEvidence",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ disputeId: z.uuid(), ...upload }),
  async handler(ctx, input) {
    const dispute = await lockDispute(ctx.tx, eq(disputes.id, input.disputeId));
    const { audit, ...result } = await addEvidence(ctx, dispute, { kind: "agent", userId: ctx.auth.user.id }, input);
    ctx.audit(`dispute:${dispute.id}`, audit, dispute.organizationId);
    return result;
  },
});

/** The buyer adds evidence through its link: only to the case the token opens. */
export const buyerUploadEvidenceAction = defineAction({
  name: "disputes.buyerUploadEvidence",
  access: { kind: "public" },
  input: z.object({ token: buyerTokenInput, ...upload }),
  async handler(ctx, input) {
    const dispute = await lockBuyerDispute(ctx.tx, input.token);
    const { audit, ...result } = await addEvidence(ctx, dispute, { kind: "buyer", userId: null }, input);
    ctx.audit(`dispute:${dispute.id}`, audit, dispute.organizationId);
    return result;
  },
});

async function readEvidence(ctx: Pick<ActionContext, "tx">, disputeId: string, evidenceId: string): Promise<DocumentDownload & { kind: string }> {
  const [evidence] = await ctx.tx
    .select()
    .from(disputeEvidence)
    .where(and(eq(disputeEvidence.id, evidenceId), eq(disputeEvidence.disputeId, disputeId)));
  if (!evidence) throw new ActionError("not_found");
  const bytes = await storage().get(evidence.storageKey);
  if (!bytes) throw new ActionError("not_found");
  return { bytes, contentType: evidence.contentType, name: evidence.originalName, kind: evidence.kind };
}

/** A file of one of the organization's cases, for any member. Audited. */
export const factoryDownloadEvidenceAction = defineAction({
  name: "disputes.factoryDownloadEvidence",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: z.object({ org: z.string(), disputeId: z.uuid(), evidenceId: z.uuid() }),
  async handler(ctx, input): Promise<DocumentDownload> {
    const [dispute] = await ctx.tx
      .select({ id: disputes.id })
      .from(disputes)
      .where(and(eq(disputes.id, input.disputeId), eq(disputes.organizationId, ctx.organization.id)));
    if (!dispute) throw new ActionError("not_found");
    const { kind, ...file } = await readEvidence(ctx, dispute.id, input.evidenceId);
    ctx.audit(`dispute-evidence:${input.evidenceId}`, { disputeId: dispute.id, kind });
    return file;
  },
});

export const staffDownloadEvidenceAction = defineAction({
  name: "disputes.staffDownloadEvidence",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ disputeId: z.uuid(), evidenceId: z.uuid() }),
  async handler(ctx, input): Promise<DocumentDownload> {
    const [dispute] = await ctx.tx.select({ id: disputes.id, organizationId: disputes.organizationId }).from(disputes).where(eq(disputes.id, input.disputeId));
    if (!dispute) throw new ActionError("not_found");
    const { kind, ...file } = await readEvidence(ctx, dispute.id, input.evidenceId);
    ctx.audit(`dispute-evidence:${input.evidenceId}`, { disputeId: dispute.id, kind }, dispute.organizationId);
    return file;
  },
});

/** A file of the buyer's own case; another case's file is not found. */
export const buyerDownloadEvidenceAction = defineAction({
  name: "disputes.buyerDownloadEvidence",
  access: { kind: "public" },
  input: z.object({ token: buyerTokenInput, evidenceId: z.uuid() }),
  async handler(ctx, input): Promise<DocumentDownload> {
    const dispute = await disputeByBuyerToken(ctx.tx, input.token);
    if (!dispute) throw new ActionError("not_found");
    const { kind, ...file } = await readEvidence(ctx, dispute.id, input.evidenceId);
    ctx.audit(`dispute-evidence:${input.evidenceId}`, { disputeId: dispute.id, kind }, dispute.organizationId);
    return file;
  },
});
