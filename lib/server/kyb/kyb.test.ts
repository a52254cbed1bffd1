import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { auditLog, kybApplications, kybDocuments, kybEvents, kybInfoRequests, organizations } from "@/db/schema";
import { createTeam, createUser, signedIn, type TestUser } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { LocalStorage } from "../storage/local";
import { setStorageForTesting, storage } from "../storage";
import {
  answerInfoRequestAction,
  saveBankAccountAction,
  saveBeneficialOwnersAction,
  saveCompanyAction,
  saveLegalRepresentativeAction,
  submitApplicationAction,
} from "./applicant";
import { downloadOwnDocumentAction, removeDocumentAction, reviewerDownloadDocumentAction, uploadDocumentAction } from "./documents";
import { assertOrganizationApproved } from "./gate";
import { approveApplicationAction, rejectApplicationAction, requestInformationAction, startReviewAction } from "./review";
import { updateRiskPolicyAction, updateTierLimitsAction, loadTierLimits } from "./settings";
import { sampleBankAccount, sampleCompany, sampleLegalRepresentative, sampleOwners, TINY_PDF, TINY_PNG, usccFor } from "./samples";

let uploadsRoot: string;

beforeAll(() => {
  uploadsRoot = mkdtempSync(path.join(tmpdir(), "quayside-kyb-"));
  setStorageForTesting(new LocalStorage(uploadsRoot));
});
afterAll(() => setStorageForTesting(null));

function storedFiles(organizationId: string): string[] {
  try {
    return readdirSync(path.join(uploadsRoot, "kyb", organizationId));
  } catch {
    return [];
  }
}

const file = (bytes: Uint8Array, name: string, type = "application/pdf") => new File([Buffer.from(bytes)], name, { type });

async function applicationOf(organizationId: string) {
  const [row] = await db().select().from(kybApplications).where(eq(kybApplications.organizationId, organizationId));
  return row ?? null;
}

async function reviewer(): Promise<TestUser & { request: Awaited<ReturnType<typeof signedIn>> }> {
  const user = await createUser({ staffRole: "kyc_reviewer", totp: true });
  return { ...user, request: await signedIn(user, { secondFactorAgoMs: 0 }) };
}

/** A team whose owner has filled in every section and uploaded the required documents. */
async function completedTeam(companyOverrides: Record<string, unknown> = {}) {
  const team = await createTeam();
  const owner = await signedIn(team.owner);
  const org = team.organization.slug;
  const ok = async (action: Parameters<typeof executeAction>[0], input: Record<string, unknown>) => {
    const result = await executeAction(action, { org, ...input }, owner);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    return result;
  };
  await ok(saveCompanyAction, sampleCompany(companyOverrides));
  await ok(saveLegalRepresentativeAction, sampleLegalRepresentative);
  await ok(saveBeneficialOwnersAction, sampleOwners);
  await ok(saveBankAccountAction, sampleBankAccount({ accountNumber: `62${Date.now()}${Math.floor(Math.random() * 1000)}` }));
  await ok(uploadDocumentAction, { kind: "business_licence", file: file(TINY_PDF, "licence.pdf") });
  await ok(uploadDocumentAction, { kind: "id_front", file: file(TINY_PNG, "front.png", "image/png") });
  await ok(uploadDocumentAction, { kind: "id_back", file: file(TINY_PNG, "back.png", "image/png") });
  return { team, owner, org };
}

async function submitted(companyOverrides: Record<string, unknown> = {}) {
  const done = await completedTeam(companyOverrides);
  expect(await executeAction(submitApplicationAction, { org: done.org }, done.owner)).toMatchObject({ ok: true, data: { status: "submitted" } });
  const application = (await applicationOf(done.team.organization.id))!;
  return { ...done, application };
}

describe("KYB application (factory side)", () => {
  it("saves a draft section by section and resumes where it was left", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const org = team.organization.slug;
    expect(await executeAction(saveCompanyAction, { org, ...sampleCompany() }, owner)).toMatchObject({ ok: true });
    let application = await applicationOf(team.organization.id);
    expect(application).toMatchObject({ status: "draft", uscc: usccFor("91330200MA2H5KQR1"), buyerCountries: ["US", "DE"] });
    expect(application!.expectedMonthlyVolumeCnyMinor).toBe(150_000_000n);
    expect(application!.legalRepresentative).toBeNull();

    // A later visit (another member, another session) continues from the saved draft.
    const finance = await signedIn(team.finance);
    expect(await executeAction(saveLegalRepresentativeAction, { org, ...sampleLegalRepresentative }, finance)).toMatchObject({ ok: true });
    expect(await executeAction(saveCompanyAction, { org, ...sampleCompany({ website: "" }) }, finance)).toMatchObject({ ok: true });
    application = await applicationOf(team.organization.id);
    expect(application!.company).toMatchObject({ legalNameZh: "宁波测试五金有限公司", website: "" });
    expect(application!.legalRepresentative).toMatchObject({ idNumber: "11010519491231002X" });
    const events = await db().select().from(kybEvents).where(eq(kybEvents.applicationId, application!.id));
    expect(events.map((event) => event.event)).toEqual(["created"]);
  });

  it("refuses an invalid USCC, ID number, CNAPS code, IBAN and owner shares with field errors, and writes nothing", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const org = team.organization.slug;
    const badUscc = await executeAction(saveCompanyAction, { org, ...sampleCompany({ uscc: "91330200MA2H5KQR10" }) }, owner);
    expect(badUscc).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!badUscc.ok && badUscc.fieldErrors?.uscc?.[0]).toMatch(/check character/);
    expect(await applicationOf(team.organization.id)).toBeNull();

    const badId = await executeAction(saveLegalRepresentativeAction, { org, ...sampleLegalRepresentative, idNumber: "110105194912310021" }, owner);
    expect(!badId.ok && badId.fieldErrors?.idNumber).toBeTruthy();
    const badShares = await executeAction(
      saveBeneficialOwnersAction,
      { org, owners: [{ ...sampleOwners.owners[0], sharePercent: "60" }, { ...sampleOwners.owners[1], sharePercent: "50" }] },
      owner,
    );
    expect(badShares).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!badShares.ok && Object.keys(badShares.fieldErrors ?? {})).toEqual(expect.arrayContaining([expect.stringMatching(/^owners/)]));
    const badCnaps = await executeAction(saveBankAccountAction, { org, ...sampleBankAccount({ cnaps: "12345" }) }, owner);
    expect(!badCnaps.ok && badCnaps.fieldErrors?.cnaps).toBeTruthy();
    const badIban = await executeAction(
      saveBankAccountAction,
      { org, ...sampleBankAccount({ foreignBankCountry: "DE", swiftBic: "DEUTDEFF", iban: "DE89370400440532013001" }) },
      owner,
    );
    expect(!badIban.ok && badIban.fieldErrors?.iban).toBeTruthy();
    expect(await applicationOf(team.organization.id)).toBeNull();
    const audit = await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id));
    expect(audit).toHaveLength(0);
  });

  it("refuses a bank account held in another name than the company's", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const org = team.organization.slug;
    expect(await executeAction(saveBankAccountAction, { org, ...sampleBankAccount() }, owner)).toMatchObject({ ok: false, code: "kyb_company_first" });
    await executeAction(saveCompanyAction, { org, ...sampleCompany() }, owner);
    expect(await executeAction(saveBankAccountAction, { org, ...sampleBankAccount({ accountHolder: "张伟" }) }, owner)).toMatchObject({
      ok: false,
      code: "kyb_holder_mismatch",
    });
    expect((await applicationOf(team.organization.id))!.bankAccount).toBeNull();
  });

  it("refuses uploads renamed to .pdf, oversize and empty, and stores nothing", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const org = team.organization.slug;
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array(64).fill(0)]);
    const text = new TextEncoder().encode("I am a text file pretending to be a PDF");
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(TINY_PDF);
    const cases: [File, string][] = [
      [file(exe, "licence.pdf"), "kyb_document_type"],
      [file(text, "licence.pdf"), "kyb_document_type"],
      [file(huge, "licence.pdf"), "kyb_document_too_large"],
      [file(new Uint8Array(0), "licence.pdf"), "kyb_document_empty"],
    ];
    for (const [upload, code] of cases) {
      expect(await executeAction(uploadDocumentAction, { org, kind: "business_licence", file: upload }, owner)).toMatchObject({ ok: false, code });
    }
    expect(await executeAction(uploadDocumentAction, { org, kind: "business_licence", file: "not a file" }, owner)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await db().select().from(kybDocuments).where(eq(kybDocuments.organizationId, team.organization.id))).toHaveLength(0);
    expect(storedFiles(team.organization.id)).toEqual([]);

    const good = await executeAction(uploadDocumentAction, { org, kind: "business_licence", file: file(TINY_PNG, "licence.pdf") }, owner);
    expect(good).toMatchObject({ ok: true, data: { contentType: "image/png" } });
    const [stored] = await db().select().from(kybDocuments).where(eq(kybDocuments.organizationId, team.organization.id));
    expect(stored!.storageKey).not.toContain("licence");
    expect(storedFiles(team.organization.id)).toHaveLength(1);
  });

  it("deletes the stored file when the upload's transaction fails after the write", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const organizationId = team.organization.id;
    // The document row cannot be inserted for this organization (and only this one): the failure comes after the put.
    const fn = `test_fail_kyb_document_${organizationId.replaceAll("-", "_")}`;
    await db().execute(
      sql.raw(
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.organization_id = '${organizationId}' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$`,
      ),
    );
    await db().execute(sql.raw(`CREATE TRIGGER ${fn} BEFORE INSERT ON kyb_documents FOR EACH ROW EXECUTE FUNCTION ${fn}()`));
    const put = vi.spyOn(storage(), "put");
    let keys: string[] = [];
    try {
      const result = await executeAction(uploadDocumentAction, { org: team.organization.slug, kind: "business_licence", file: file(TINY_PDF, "licence.pdf") }, owner);
      expect(result).toMatchObject({ ok: false, code: "internal_error" });
      keys = put.mock.calls.map(([key]) => key);
    } finally {
      put.mockRestore();
      await db().execute(sql.raw(`DROP TRIGGER ${fn} ON kyb_documents`));
      await db().execute(sql.raw(`DROP FUNCTION ${fn}()`));
    }
    // The object was written, then deleted once the transaction rolled back.
    expect(keys).toHaveLength(1);
    const key = keys[0]!;
    expect(key).toMatch(new RegExp(`^kyb/${organizationId}/`));
    expect(await storage().get(key)).toBeNull();
    expect(storedFiles(organizationId)).toEqual([]);
    expect(await db().select().from(kybDocuments).where(eq(kybDocuments.organizationId, organizationId))).toHaveLength(0);
  });

  it("lets only the organization's owners and finance staff read its documents; viewers and other organizations cannot act", async () => {
    const { team, owner, org } = await completedTeam();
    const other = await createTeam();
    const [document] = await db().select().from(kybDocuments).where(eq(kybDocuments.organizationId, team.organization.id));
    const read = await executeAction(downloadOwnDocumentAction, { org, documentId: document!.id }, owner);
    expect(read.ok && Buffer.from(read.data.bytes).equals(Buffer.from(document!.kind === "business_licence" ? TINY_PDF : TINY_PNG))).toBe(true);

    const viewer = await signedIn(team.viewer);
    expect(await executeAction(downloadOwnDocumentAction, { org, documentId: document!.id }, viewer)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(saveCompanyAction, { org, ...sampleCompany() }, viewer)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(submitApplicationAction, { org }, viewer)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(uploadDocumentAction, { org, kind: "id_front", file: file(TINY_PNG, "x.png") }, viewer)).toMatchObject({
      ok: false,
      code: "forbidden",
    });

    const outsider = await signedIn(other.owner);
    expect(await executeAction(downloadOwnDocumentAction, { org, documentId: document!.id }, outsider)).toMatchObject({ ok: false, code: "not_found" });
    // Through their own organization, another organization's document does not exist either.
    expect(
      await executeAction(downloadOwnDocumentAction, { org: other.organization.slug, documentId: document!.id }, outsider),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(removeDocumentAction, { org: other.organization.slug, documentId: document!.id }, outsider)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await executeAction(submitApplicationAction, { org }, outsider)).toMatchObject({ ok: false, code: "not_found" });
    // A merchant cannot use the reviewers' document route.
    expect(await executeAction(reviewerDownloadDocumentAction, { documentId: document!.id }, owner)).toMatchObject({ ok: false, code: "forbidden" });
    const staff = await reviewer();
    expect(await executeAction(reviewerDownloadDocumentAction, { documentId: document!.id }, staff.request)).toMatchObject({ ok: true });
  });

  it("refuses to submit an incomplete application, then freezes a submitted one", async () => {
    const team = await createTeam();
    const owner = await signedIn(team.owner);
    const org = team.organization.slug;
    await executeAction(saveCompanyAction, { org, ...sampleCompany() }, owner);
    const incomplete = await executeAction(submitApplicationAction, { org }, owner);
    expect(incomplete).toMatchObject({ ok: false, code: "kyb_incomplete" });
    // Points at the steps marked "To do" rather than printing raw section identifiers.
    expect(!incomplete.ok && incomplete.message).toContain("“To do”");
    expect(!incomplete.ok && incomplete.message).not.toMatch(/legalRepresentative|bankAccount|documents/);

    const done = await submitted();
    expect(done.application).toMatchObject({ status: "submitted", round: 1, riskLevel: "standard" });
    expect(await executeAction(saveCompanyAction, { org: done.org, ...sampleCompany({ legalNameEn: "Changed Co., Ltd." }) }, done.owner)).toMatchObject({
      ok: false,
      code: "kyb_not_editable",
    });
    expect(
      await executeAction(uploadDocumentAction, { org: done.org, kind: "export_contract", file: file(TINY_PDF, "c.pdf") }, done.owner),
    ).toMatchObject({ ok: false, code: "kyb_not_editable" });
    const again = await executeAction(submitApplicationAction, { org: done.org }, done.owner);
    expect(again).toMatchObject({ ok: false, code: "kyb_invalid_transition" });
    expect(!again.ok && again.message).not.toMatch(/submitted|submit\b/);
    expect(storedFiles(done.team.organization.id)).toHaveLength(3);
  });
});

describe("KYB review (platform side)", () => {
  it("keeps merchants out of every staff action", async () => {
    const { owner, application } = await submitted();
    const merchant = owner;
    for (const [action, input] of [
      [startReviewAction, { applicationId: application.id }],
      [approveApplicationAction, { applicationId: application.id, tier: "premium" }],
      [rejectApplicationAction, { applicationId: application.id, reason: "Not a real company" }],
      [requestInformationAction, { applicationId: application.id, items: [{ field: "company.uscc", comment: "?" }] }],
      [updateTierLimitsAction, { tier: "premium", dailyPayout: "1", dailyConversion: "1" }],
      [updateRiskPolicyAction, { volumeThreshold: "1", highRiskCountries: "" }],
    ] as const) {
      expect(await executeAction(action as never, input, merchant)).toMatchObject({ ok: false });
      const result = await executeAction(action as never, input, merchant);
      expect(["forbidden", "mfa_enrollment_required", "step_up_required"]).toContain(!result.ok && result.code);
    }
    const merchantWithTwoFactor = await signedIn((await createTeam()).owner, { secondFactorAgoMs: 0 });
    expect(await executeAction(approveApplicationAction, { applicationId: application.id, tier: "premium" }, merchantWithTwoFactor)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect((await applicationOf(application.organizationId))!.status).toBe("submitted");
  });

  it("refuses invalid transitions and decisions without a fresh second factor", async () => {
    const { application } = await submitted();
    const staff = await reviewer();
    const applicationId = application.id;
    expect(await executeAction(approveApplicationAction, { applicationId, tier: "standard" }, staff.request)).toMatchObject({
      ok: false,
      code: "kyb_invalid_transition",
    });
    expect(await executeAction(startReviewAction, { applicationId }, staff.request)).toMatchObject({ ok: true, data: { status: "in_review" } });
    expect(await executeAction(startReviewAction, { applicationId }, staff.request)).toMatchObject({ ok: false, code: "kyb_invalid_transition" });
    const stale = await signedIn(staff, { secondFactorAgoMs: 16 * 60_000 });
    for (const [action, input] of [
      [approveApplicationAction, { applicationId, tier: "standard" }],
      [rejectApplicationAction, { applicationId, reason: "Documents are forged" }],
      [requestInformationAction, { applicationId, items: [{ field: "company.uscc", comment: "Please check" }] }],
    ] as const) {
      expect(await executeAction(action as never, input, stale)).toMatchObject({ ok: false, code: "step_up_required" });
    }
    const noTwoFactor = await createUser({ staffRole: "kyc_reviewer" });
    expect(await executeAction(approveApplicationAction, { applicationId, tier: "standard" }, await signedIn(noTwoFactor))).toMatchObject({
      ok: false,
      code: "mfa_enrollment_required",
    });
    expect((await applicationOf(application.organizationId))!.status).toBe("in_review");

    expect(await executeAction(rejectApplicationAction, { applicationId, reason: "The business licence has expired." }, staff.request)).toMatchObject({
      ok: true,
      data: { status: "rejected" },
    });
    expect(await executeAction(approveApplicationAction, { applicationId, tier: "standard" }, staff.request)).toMatchObject({
      ok: false,
      code: "kyb_invalid_transition",
    });
    expect((await applicationOf(application.organizationId))!.rejectionReason).toBe("The business licence has expired.");
  });

  it("needs two different reviewers for a high-risk application (four-eyes)", async () => {
    const { application } = await submitted({ buyerCountries: "US, IR" });
    expect(application.riskLevel).toBe("high");
    const first = await reviewer();
    const second = await reviewer();
    const applicationId = application.id;
    await executeAction(startReviewAction, { applicationId }, first.request);
    expect(await executeAction(approveApplicationAction, { applicationId, tier: "standard" }, first.request)).toMatchObject({
      ok: true,
      data: { status: "in_review", votes: 1, required: 2 },
    });
    // The same reviewer again, even in a new session with a new code, cannot supply the second approval.
    const again = await signedIn(first, { secondFactorAgoMs: 0 });
    expect(await executeAction(approveApplicationAction, { applicationId, tier: "premium" }, again)).toMatchObject({
      ok: false,
      code: "kyb_four_eyes_same_reviewer",
    });
    expect((await applicationOf(application.organizationId))!.status).toBe("in_review");
    // The second reviewer confirms the first one's decision; a different tier is refused.
    expect(await executeAction(approveApplicationAction, { applicationId, tier: "premium" }, second.request)).toMatchObject({
      ok: false,
      code: "kyb_four_eyes_tier_mismatch",
    });
    const secondAgain = await signedIn(second, { secondFactorAgoMs: 0 });
    expect(await executeAction(approveApplicationAction, { applicationId, tier: "standard" }, secondAgain)).toMatchObject({
      ok: true,
      data: { status: "approved", votes: 2 },
    });
    const events = await db().select().from(kybEvents).where(eq(kybEvents.applicationId, applicationId));
    expect(events.map((event) => event.event)).toEqual(expect.arrayContaining(["approval_vote", "approve"]));
  });

  it("does not let a reviewer decide on an organization they belong to", async () => {
    const { team, application } = await submitted();
    const staff = await reviewer();
    await db().insert((await import("@/db/schema")).memberships).values({ organizationId: team.organization.id, userId: staff.id, role: "viewer" });
    expect(await executeAction(startReviewAction, { applicationId: application.id }, staff.request)).toMatchObject({
      ok: false,
      code: "kyb_conflict_of_interest",
    });
  });

  it("does not let a reviewer download the documents of an organization they belong to", async () => {
    const { team } = await submitted();
    const [document] = await db().select().from(kybDocuments).where(eq(kybDocuments.organizationId, team.organization.id));
    const staff = await reviewer();
    expect(await executeAction(reviewerDownloadDocumentAction, { documentId: document!.id }, staff.request)).toMatchObject({ ok: true });
    await db().insert((await import("@/db/schema")).memberships).values({ organizationId: team.organization.id, userId: staff.id, role: "viewer" });
    expect(await executeAction(reviewerDownloadDocumentAction, { documentId: document!.id }, staff.request)).toMatchObject({
      ok: false,
      code: "kyb_conflict_of_interest",
    });
    const audited = await db().select().from(auditLog).where(eq(auditLog.actorUserId, staff.id));
    expect(audited.filter((row) => row.action === "kyb.reviewerDownloadDocument")).toHaveLength(1);
  });

  it("goes from submission through a request for more information to approval with a tier", async () => {
    const { team, owner, org, application } = await submitted();
    const staff = await reviewer();
    const applicationId = application.id;
    const gate = () => db().transaction((tx) => assertOrganizationApproved({ tx, organization: team.organization }));
    await expect(gate()).rejects.toMatchObject({ code: "kyb_not_approved" });

    await executeAction(startReviewAction, { applicationId }, staff.request);
    expect(await executeAction(requestInformationAction, { applicationId, items: [] }, staff.request)).toMatchObject({ ok: false, code: "invalid_input" });
    const asked = await executeAction(
      requestInformationAction,
      {
        applicationId,
        items: [
          { field: "company.businessScope", comment: "Do you make the fasteners yourselves?" },
          { field: "", comment: "" },
          { field: "documents.export_contract", comment: "Please upload one recent export contract." },
        ],
        comment: "Two questions before we can decide.",
      },
      staff.request,
    );
    expect(asked).toMatchObject({ ok: true, data: { status: "info_requested", items: 2 } });
    const requests = await db().select().from(kybInfoRequests).where(eq(kybInfoRequests.applicationId, applicationId));
    expect(requests).toHaveLength(2);

    // The factory answers field by field; it cannot resubmit with an item left open.
    expect(await executeAction(answerInfoRequestAction, { org, requestId: requests[0]!.id, answer: "Yes, in our Beilun plant." }, owner)).toMatchObject({ ok: true });
    expect(await executeAction(submitApplicationAction, { org }, owner)).toMatchObject({ ok: false, code: "kyb_requests_unanswered" });
    expect(await executeAction(uploadDocumentAction, { org, kind: "export_contract", file: file(TINY_PDF, "contract.pdf") }, owner)).toMatchObject({ ok: true });
    expect(await executeAction(answerInfoRequestAction, { org, requestId: requests[1]!.id, answer: "Uploaded." }, owner)).toMatchObject({ ok: true });
    expect(await executeAction(submitApplicationAction, { org }, owner)).toMatchObject({ ok: true, data: { status: "submitted" } });
    expect((await applicationOf(team.organization.id))!.round).toBe(2);

    await executeAction(startReviewAction, { applicationId }, staff.request);
    expect(await executeAction(approveApplicationAction, { applicationId, tier: "premium" }, staff.request)).toMatchObject({
      ok: true,
      data: { status: "approved" },
    });
    const [organization] = await db().select().from(organizations).where(eq(organizations.id, team.organization.id));
    expect(organization!.accountTier).toBe("premium");
    await expect(gate()).resolves.toEqual({ tier: "premium" });

    const history = await db().select().from(kybEvents).where(eq(kybEvents.applicationId, applicationId));
    expect(history.map((event) => event.event)).toEqual(
      expect.arrayContaining(["created", "submit", "start_review", "request_info", "answer", "resubmit", "approve"]),
    );
    const audit = await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id));
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["kyb.submit", "kyb.startReview", "kyb.requestInformation", "kyb.approve"]));
  });

  it("lets platform admins set tier limits in CNY, with step-up", async () => {
    const admin = await createUser({ staffRole: "platform_admin", totp: true });
    const request = await signedIn(admin, { secondFactorAgoMs: 0 });
    const staff = await reviewer();
    expect(await executeAction(updateTierLimitsAction, { tier: "standard", dailyPayout: "60,000", dailyConversion: "55000" }, staff.request)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await executeAction(updateTierLimitsAction, { tier: "standard", dailyPayout: "60,000", dailyConversion: "55000" }, request)).toMatchObject({
      ok: true,
    });
    expect((await loadTierLimits()).standard).toEqual({ dailyPayoutCnyMinor: 6_000_000n, dailyConversionCnyMinor: 5_500_000n });
    expect(await executeAction(updateTierLimitsAction, { tier: "standard", dailyPayout: "50000", dailyConversion: "50000" }, request)).toMatchObject({ ok: true });
  });
});
