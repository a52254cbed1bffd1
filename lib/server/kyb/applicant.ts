import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor, Transaction } from "@/db/client";
import { kybApplications, kybInfoRequests } from "@/db/schema";
import { assessRisk, holderMatchesCompany, isEditableByApplicant, nextStatus } from "@/lib/domain/kyb";
import { REQUIRED_DOCUMENT_KINDS } from "@/lib/domain/kyb/fields";
import { fromDecimalString } from "@/lib/domain/money";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction, type OrgContext } from "../guard/define-action";
import { liveDocuments, lockApplicationOfOrganization, lockOrCreateApplication, recordEvent, type KybApplication } from "./application";
import { bankAccountSchema, beneficialOwnersSchema, companySchema, legalRepresentativeSchema } from "./schemas";
import { loadRiskPolicy } from "./settings";

/** Owners and finance staff fill in the application; viewers only look. */
export const APPLICANT_ACCESS = { kind: "org", roles: MONEY_ROLES } as const;

async function editableApplication(ctx: OrgContext): Promise<KybApplication> {
  const application = await lockOrCreateApplication(ctx.tx, ctx.organization.id, ctx.auth.user.id);
  if (!isEditableByApplicant(application.status)) throw new ActionError("kyb_not_editable");
  return application;
}

async function touch(tx: Transaction, applicationId: string, values: Partial<typeof kybApplications.$inferInsert>) {
  await tx.update(kybApplications).set({ ...values, updatedAt: new Date() }).where(eq(kybApplications.id, applicationId));
}

function assertHolderMatches(holder: string, company: Record<string, unknown> | null) {
  if (!company) throw new ActionError("kyb_company_first");
  if (!holderMatchesCompany(holder, String(company.legalNameZh ?? ""), String(company.legalNameEn ?? ""))) {
    throw new ActionError("kyb_holder_mismatch");
  }
}

export const saveCompanyAction = defineAction({
  name: "kyb.saveCompany",
  access: APPLICANT_ACCESS,
  input: companySchema.extend({ org: z.string() }),
  async handler(ctx, { org: _org, ...company }) {
    const application = await editableApplication(ctx);
    await touch(ctx.tx, application.id, {
      company,
      uscc: company.uscc,
      legalNameZh: company.legalNameZh,
      legalNameEn: company.legalNameEn,
      expectedMonthlyVolumeCnyMinor: fromDecimalString(company.expectedMonthlyVolume, "CNY"),
      buyerCountries: company.buyerCountries,
    });
    ctx.audit(`kyb:${application.id}`, { section: "company", uscc: company.uscc });
    return { applicationId: application.id, section: "company" as const };
  },
});

export const saveLegalRepresentativeAction = defineAction({
  name: "kyb.saveLegalRepresentative",
  access: APPLICANT_ACCESS,
  input: z.intersection(legalRepresentativeSchema, z.object({ org: z.string() })),
  async handler(ctx, input) {
    const application = await editableApplication(ctx);
    const { name, idType, idNumber, nationality } = input;
    await touch(ctx.tx, application.id, { legalRepresentative: { name, idType, idNumber, nationality } });
    ctx.audit(`kyb:${application.id}`, { section: "legalRepresentative", idType, nationality });
    return { applicationId: application.id, section: "legalRepresentative" as const };
  },
});

export const saveBeneficialOwnersAction = defineAction({
  name: "kyb.saveBeneficialOwners",
  access: APPLICANT_ACCESS,
  input: z.intersection(beneficialOwnersSchema, z.object({ org: z.string() })),
  async handler(ctx, input) {
    const application = await editableApplication(ctx);
    await touch(ctx.tx, application.id, { beneficialOwners: { owners: input.owners } });
    ctx.audit(`kyb:${application.id}`, { section: "beneficialOwners", owners: input.owners.length });
    return { applicationId: application.id, section: "beneficialOwners" as const };
  },
});

export const saveBankAccountAction = defineAction({
  name: "kyb.saveBankAccount",
  access: APPLICANT_ACCESS,
  input: z.intersection(bankAccountSchema, z.object({ org: z.string() })),
  async handler(ctx, { org: _org, ...bank }) {
    const application = await editableApplication(ctx);
    assertHolderMatches(bank.accountHolder, application.company);
    await touch(ctx.tx, application.id, { bankAccount: bank, bankAccountNumber: bank.accountNumber });
    ctx.audit(`kyb:${application.id}`, { section: "bankAccount", accountNumberLast4: bank.accountNumber.slice(-4), foreignCurrency: bank.foreignCurrency });
    return { applicationId: application.id, section: "bankAccount" as const };
  },
});

/** Which parts are missing or no longer valid; empty when the application can be submitted. */
export async function incompleteSections(tx: Executor, application: KybApplication): Promise<string[]> {
  const missing: string[] = [];
  if (!application.company || !companySchema.safeParse(application.company).success) missing.push("company");
  if (!application.legalRepresentative || !legalRepresentativeSchema.safeParse(application.legalRepresentative).success) {
    missing.push("legalRepresentative");
  }
  if (!application.beneficialOwners || !beneficialOwnersSchema.safeParse(application.beneficialOwners).success) missing.push("beneficialOwners");
  const bank = application.bankAccount ? bankAccountSchema.safeParse(application.bankAccount) : null;
  if (
    !bank?.success ||
    !application.company ||
    !holderMatchesCompany(bank.data.accountHolder, String(application.company.legalNameZh ?? ""), String(application.company.legalNameEn ?? ""))
  ) {
    missing.push("bankAccount");
  }
  const kinds = new Set((await liveDocuments(tx, application.id)).map((document) => document.kind));
  if (REQUIRED_DOCUMENT_KINDS.some((kind) => !kinds.has(kind))) missing.push("documents");
  return missing;
}

/** Submits a draft, or resubmits after a request for more information (every open item answered). Freezes it. */
export const submitApplicationAction = defineAction({
  name: "kyb.submit",
  access: APPLICANT_ACCESS,
  input: z.object({ org: z.string() }),
  async handler(ctx) {
    const application = await lockApplicationOfOrganization(ctx.tx, ctx.organization.id);
    if (!application) throw new ActionError("kyb_incomplete", { sections: "company" });
    const event = application.status === "info_requested" ? "resubmit" : "submit";
    const to = nextStatus(application.status, event);
    const missing = await incompleteSections(ctx.tx, application);
    if (missing.length > 0) throw new ActionError("kyb_incomplete", { sections: missing.join(", ") });
    const open = await ctx.tx
      .select({ id: kybInfoRequests.id, answeredAt: kybInfoRequests.answeredAt })
      .from(kybInfoRequests)
      .where(and(eq(kybInfoRequests.applicationId, application.id), isNull(kybInfoRequests.closedAt)));
    if (open.some((item) => !item.answeredAt)) throw new ActionError("kyb_requests_unanswered");
    const now = new Date();
    const risk = assessRisk(
      { expectedMonthlyVolumeCnyMinor: application.expectedMonthlyVolumeCnyMinor ?? 0n, buyerCountries: application.buyerCountries },
      await loadRiskPolicy(ctx.tx),
    );
    if (open.length > 0) {
      await ctx.tx
        .update(kybInfoRequests)
        .set({ closedAt: now })
        .where(and(eq(kybInfoRequests.applicationId, application.id), isNull(kybInfoRequests.closedAt)));
    }
    await touch(ctx.tx, application.id, {
      status: to,
      round: application.round + 1,
      submittedAt: now,
      firstSubmittedAt: application.firstSubmittedAt ?? now,
      riskLevel: risk.level,
      riskReasons: risk.reasons,
    });
    await recordEvent(ctx.tx, {
      applicationId: application.id,
      event,
      fromStatus: application.status,
      toStatus: to,
      actorUserId: ctx.auth.user.id,
      details: { round: application.round + 1, risk: risk.level, reasons: risk.reasons },
    });
    ctx.audit(`kyb:${application.id}`, { event, from: application.status, to, risk: risk.level });
    return { status: to, risk: risk.level };
  },
});

/** The factory's answer to one "request more information" item. */
export const answerInfoRequestAction = defineAction({
  name: "kyb.answerInfoRequest",
  access: APPLICANT_ACCESS,
  input: z.object({ org: z.string(), requestId: z.uuid(), answer: z.string().trim().min(1, "validation.required").max(2000) }),
  async handler(ctx, input) {
    const application = await lockApplicationOfOrganization(ctx.tx, ctx.organization.id);
    if (!application) throw new ActionError("not_found");
    if (application.status !== "info_requested") throw new ActionError("kyb_not_editable");
    const [item] = await ctx.tx
      .select()
      .from(kybInfoRequests)
      .where(and(eq(kybInfoRequests.id, input.requestId), eq(kybInfoRequests.applicationId, application.id), isNull(kybInfoRequests.closedAt)));
    if (!item) throw new ActionError("not_found");
    const now = new Date();
    await ctx.tx
      .update(kybInfoRequests)
      .set({ answer: input.answer, answeredBy: ctx.auth.user.id, answeredAt: now })
      .where(eq(kybInfoRequests.id, item.id));
    await recordEvent(ctx.tx, {
      applicationId: application.id,
      event: "answer",
      fromStatus: application.status,
      toStatus: application.status,
      actorUserId: ctx.auth.user.id,
      comment: input.answer,
      details: { field: item.field, requestId: item.id },
    });
    ctx.audit(`kyb:${application.id}`, { requestId: item.id, field: item.field });
    return { requestId: item.id };
  },
});
