import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { kybApplications, kybApprovalVotes, kybDocuments, kybEvents, kybInfoRequests, organizations, users } from "@/db/schema";
import {
  holderMatchesCompany,
  KYB_STATUSES,
  reviewAge,
  validateBeneficialOwners,
  validateBic,
  validateCnaps,
  validateIban,
  validatePassportNumber,
  validatePrcResidentId,
  validateUscc,
  type KybStatus,
} from "@/lib/domain/kyb";
import { parseAmount } from "@/lib/domain/money";
import { REQUIRED_DOCUMENT_KINDS } from "@/lib/domain/kyb/fields";
import { incompleteSections } from "./applicant";

export async function applicationOfOrganization(organizationId: string) {
  const [application] = await db().select().from(kybApplications).where(eq(kybApplications.organizationId, organizationId));
  return application ?? null;
}

export async function applicationDocuments(applicationId: string) {
  return db()
    .select({
      id: kybDocuments.id,
      kind: kybDocuments.kind,
      originalName: kybDocuments.originalName,
      contentType: kybDocuments.contentType,
      sizeBytes: kybDocuments.sizeBytes,
      sha256: kybDocuments.sha256,
      createdAt: kybDocuments.createdAt,
    })
    .from(kybDocuments)
    .where(and(eq(kybDocuments.applicationId, applicationId), isNull(kybDocuments.removedAt)))
    .orderBy(asc(kybDocuments.createdAt));
}

/** Every event, oldest first, with who did it (a reviewer's name is shown to the factory as "Quayside review team"). */
export async function applicationHistory(applicationId: string) {
  return db()
    .select({
      id: kybEvents.id,
      event: kybEvents.event,
      fromStatus: kybEvents.fromStatus,
      toStatus: kybEvents.toStatus,
      comment: kybEvents.comment,
      details: kybEvents.details,
      at: kybEvents.at,
      actorName: users.name,
      actorIsStaff: sql<boolean>`${users.staffRole} is not null`,
    })
    .from(kybEvents)
    .leftJoin(users, eq(users.id, kybEvents.actorUserId))
    .where(eq(kybEvents.applicationId, applicationId))
    .orderBy(asc(kybEvents.at), asc(kybEvents.id));
}

export async function infoRequests(applicationId: string) {
  return db()
    .select()
    .from(kybInfoRequests)
    .where(eq(kybInfoRequests.applicationId, applicationId))
    .orderBy(desc(kybInfoRequests.round), asc(kybInfoRequests.requestedAt), asc(kybInfoRequests.field));
}

export async function approvalVotes(applicationId: string, round: number) {
  return db()
    .select({ reviewerUserId: kybApprovalVotes.reviewerUserId, reviewerName: users.name, tier: kybApprovalVotes.tier, at: kybApprovalVotes.at, comment: kybApprovalVotes.comment })
    .from(kybApprovalVotes)
    .innerJoin(users, eq(users.id, kybApprovalVotes.reviewerUserId))
    .where(and(eq(kybApprovalVotes.applicationId, applicationId), eq(kybApprovalVotes.round, round)));
}

export interface QueueFilter {
  status: "open" | "all" | KybStatus;
  risk: "" | "standard" | "high";
  country: string;
  minVolume: string;
  maxVolume: string;
}

export function queueFilterFromSearch(search: Record<string, string | string[] | undefined>): QueueFilter {
  const one = (key: string) => {
    const value = search[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  const status = one("status");
  const risk = one("risk");
  return {
    status: status === "all" || (KYB_STATUSES as readonly string[]).includes(status) ? (status as QueueFilter["status"]) : "open",
    risk: risk === "standard" || risk === "high" ? risk : "",
    country: /^[A-Za-z]{2}$/.test(one("country")) ? one("country").toUpperCase() : "",
    minVolume: one("minVolume").slice(0, 30),
    maxVolume: one("maxVolume").slice(0, 30),
  };
}

function volumeBound(value: string): bigint | null {
  if (!value) return null;
  const parsed = parseAmount(value, "CNY", { allowZero: true });
  return parsed.ok ? parsed.amountMinor : null;
}

/** The review queue: submitted applications, oldest submission first, with their age in business days. */
export async function reviewQueue(filter: QueueFilter, now = new Date()) {
  const where: SQL[] = [ne(kybApplications.status, "draft")];
  if (filter.status === "open") where.push(inArray(kybApplications.status, ["submitted", "in_review"]));
  else if (filter.status !== "all") where.push(eq(kybApplications.status, filter.status));
  if (filter.risk) where.push(eq(kybApplications.riskLevel, filter.risk));
  if (filter.country) where.push(sql`${filter.country} = any(${kybApplications.buyerCountries})`);
  const min = volumeBound(filter.minVolume);
  const max = volumeBound(filter.maxVolume);
  if (min !== null) where.push(gte(kybApplications.expectedMonthlyVolumeCnyMinor, min));
  if (max !== null) where.push(lte(kybApplications.expectedMonthlyVolumeCnyMinor, max));
  const rows = await db()
    .select({
      id: kybApplications.id,
      status: kybApplications.status,
      organizationName: organizations.name,
      legalNameZh: kybApplications.legalNameZh,
      legalNameEn: kybApplications.legalNameEn,
      riskLevel: kybApplications.riskLevel,
      volumeMinor: kybApplications.expectedMonthlyVolumeCnyMinor,
      buyerCountries: kybApplications.buyerCountries,
      submittedAt: kybApplications.submittedAt,
      round: kybApplications.round,
      votes: sql<number>`(select count(*)::int from ${kybApprovalVotes} v where v.application_id = ${kybApplications.id} and v.round = ${kybApplications.round})`,
    })
    .from(kybApplications)
    .innerJoin(organizations, eq(organizations.id, kybApplications.organizationId))
    .where(and(...where))
    .orderBy(asc(kybApplications.submittedAt))
    .limit(200);
  return rows.map((row) => ({
    ...row,
    age: row.submittedAt && (row.status === "submitted" || row.status === "in_review") ? reviewAge(row.submittedAt, now) : null,
  }));
}

export async function applicationForReviewer(applicationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return null;
  const [row] = await db()
    .select({ application: kybApplications, organization: organizations })
    .from(kybApplications)
    .innerJoin(organizations, eq(organizations.id, kybApplications.organizationId))
    .where(eq(kybApplications.id, applicationId));
  return row ?? null;
}

export interface CheckResult {
  key: string;
  ok: boolean;
  /** An error code of errors.validation, or a note (duplicates: the other organizations' names). */
  code?: string;
  others?: string[];
}

type Application = typeof kybApplications.$inferSelect;

/** The checks a reviewer sees: each validator over the stored data, documents present, duplicates in other organizations. */
export async function applicationChecks(application: Application, documentKinds: readonly string[]): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  const company = application.company ?? {};
  const rep = application.legalRepresentative ?? {};
  const bank = application.bankAccount ?? {};
  const owners = ((application.beneficialOwners?.owners as Record<string, string>[] | undefined) ?? []);
  const push = (key: string, result: { ok: true } | { ok: false; error: string }) =>
    checks.push(result.ok ? { key, ok: true } : { key, ok: false, code: result.error });

  push("uscc", application.uscc ? validateUscc(application.uscc) : { ok: false, error: "required" });
  const idCheck = (idType: unknown, idNumber: unknown) =>
    idType === "prc_resident_id" ? validatePrcResidentId(String(idNumber ?? "")) : validatePassportNumber(String(idNumber ?? ""));
  push("legalRepresentativeId", rep.idNumber ? idCheck(rep.idType, rep.idNumber) : { ok: false, error: "required" });
  owners.forEach((owner, index) => push(`ownerId.${index}`, idCheck(owner.idType, owner.idNumber)));
  push("ownerShares", validateBeneficialOwners(owners.map((owner) => ({ sharePercent: String(owner.sharePercent ?? "") }))));
  push("cnaps", bank.cnaps ? validateCnaps(String(bank.cnaps)) : { ok: false, error: "required" });
  if (bank.foreignCurrency) {
    push("bic", validateBic(String(bank.swiftBic ?? "")));
    if (bank.iban) push("iban", validateIban(String(bank.iban)));
  }
  checks.push({
    key: "holderName",
    ok: Boolean(bank.accountHolder) && holderMatchesCompany(String(bank.accountHolder), String(company.legalNameZh ?? ""), String(company.legalNameEn ?? "")),
    code: "kyb_holder_mismatch",
  });
  const missingDocuments = REQUIRED_DOCUMENT_KINDS.filter((kind) => !documentKinds.includes(kind));
  checks.push({ key: "documents", ok: missingDocuments.length === 0, others: missingDocuments });

  const duplicates = async (column: typeof kybApplications.uscc | typeof kybApplications.bankAccountNumber, value: string | null) => {
    if (!value) return [];
    const rows = await db()
      .select({ name: organizations.name })
      .from(kybApplications)
      .innerJoin(organizations, eq(organizations.id, kybApplications.organizationId))
      .where(and(eq(column, value), ne(kybApplications.organizationId, application.organizationId)));
    return rows.map((row) => row.name);
  };
  const sameUscc = await duplicates(kybApplications.uscc, application.uscc);
  checks.push({ key: "duplicateUscc", ok: sameUscc.length === 0, others: sameUscc });
  const sameAccount = await duplicates(kybApplications.bankAccountNumber, application.bankAccountNumber);
  checks.push({ key: "duplicateBankAccount", ok: sameAccount.length === 0, others: sameAccount });
  return checks;
}

/** The sections still to complete before the application can be submitted. */
export async function missingSections(application: Application): Promise<string[]> {
  return incompleteSections(db(), application);
}
