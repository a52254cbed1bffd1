import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { kybApplications, kybDocuments, kybEvents, kybInfoRequests, memberships, organizations } from "@/db/schema";
import { assessRisk, DEFAULT_RISK_POLICY, type KybStatus } from "@/lib/domain/kyb";
import { fromDecimalString } from "@/lib/domain/money";
import { bankAccountSchema, beneficialOwnersSchema, companySchema, legalRepresentativeSchema } from "@/lib/server/kyb/schemas";
import { sampleBankAccount, sampleCompany, TINY_PDF, TINY_PNG, usccFor } from "@/lib/server/kyb/samples";
import { randomStorageKey, storage } from "@/lib/server/storage";
import type { FoundationSeed } from "./foundation";

const DAY = 86_400_000;

interface Seeded {
  organizationId: string;
  ownerId: string;
  company: Record<string, unknown>;
  legalRepresentative: Record<string, unknown>;
  owners: Record<string, unknown>[];
  bank: Record<string, unknown>;
  status: KybStatus;
  submittedDaysAgo: number;
}

async function seedApplication(tx: Transaction, seed: Seeded) {
  const company = companySchema.parse(seed.company);
  const legalRepresentative = legalRepresentativeSchema.parse(seed.legalRepresentative);
  const beneficialOwners = beneficialOwnersSchema.parse({ owners: seed.owners });
  const bank = bankAccountSchema.parse(seed.bank);
  const volume = fromDecimalString(company.expectedMonthlyVolume, "CNY");
  const risk = assessRisk({ expectedMonthlyVolumeCnyMinor: volume, buyerCountries: company.buyerCountries }, DEFAULT_RISK_POLICY);
  const submittedAt = new Date(Date.now() - seed.submittedDaysAgo * DAY);
  const [application] = await tx
    .insert(kybApplications)
    .values({
      organizationId: seed.organizationId,
      status: seed.status,
      company,
      legalRepresentative,
      beneficialOwners,
      bankAccount: bank,
      uscc: company.uscc,
      bankAccountNumber: bank.accountNumber,
      legalNameZh: company.legalNameZh,
      legalNameEn: company.legalNameEn,
      expectedMonthlyVolumeCnyMinor: volume,
      buyerCountries: company.buyerCountries,
      riskLevel: risk.level,
      riskReasons: risk.reasons,
      round: 1,
      submittedAt,
      firstSubmittedAt: submittedAt,
      createdAt: new Date(submittedAt.getTime() - 2 * DAY),
    })
    .returning({ id: kybApplications.id });
  for (const [kind, bytes, name, contentType] of [
    ["business_licence", TINY_PDF, "营业执照.pdf", "application/pdf"],
    ["id_front", TINY_PNG, "id-front.png", "image/png"],
    ["id_back", TINY_PNG, "id-back.png", "image/png"],
  ] as const) {
    const key = randomStorageKey(`kyb/${seed.organizationId}`);
    await storage().put(key, bytes, contentType);
    await tx.insert(kybDocuments).values({
      applicationId: application!.id,
      organizationId: seed.organizationId,
      kind,
      storageKey: key,
      originalName: name,
      contentType,
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploadedBy: seed.ownerId,
      createdAt: new Date(submittedAt.getTime() - DAY),
    });
  }
  await tx.insert(kybEvents).values([
    { applicationId: application!.id, event: "created", toStatus: "draft", actorUserId: seed.ownerId, at: new Date(submittedAt.getTime() - 2 * DAY) },
    {
      applicationId: application!.id,
      event: "submit",
      fromStatus: "draft",
      toStatus: "submitted",
      actorUserId: seed.ownerId,
      details: { round: 1, risk: risk.level, reasons: risk.reasons },
      at: submittedAt,
    },
  ]);
  return { id: application!.id, submittedAt };
}

/** KYB demo data: one approved factory, one asked for more information, one new high-risk applicant waiting past the target. */
export async function seedKyb(tx: Transaction, seed: FoundationSeed): Promise<void> {
  const reviewer = seed.userIds.reviewer;

  // Ningbo Haiguang Hardware: approved, premium tier.
  const haiguang = await seedApplication(tx, {
    organizationId: seed.factory.id,
    ownerId: seed.userIds.owner,
    company: sampleCompany({
      legalNameZh: "宁波海光五金制品有限公司",
      legalNameEn: "Ningbo Haiguang Hardware Co., Ltd.",
      uscc: usccFor("91330206MA2AH6GQ3"),
      registeredAddress: "浙江省宁波市北仑区大碶街道庐山东路 166 号",
      establishedOn: "2009-03-16",
      expectedMonthlyVolume: "3,200,000",
      currencies: ["USD", "EUR", "GBP"],
      buyerCountries: "US, DE, GB, AU",
      website: "https://haiguang-hardware.example",
    }),
    legalRepresentative: { name: "陈海光", idType: "prc_resident_id", idNumber: "11010519491231002X", nationality: "CN" },
    owners: [{ name: "陈海光", idType: "prc_resident_id", idNumber: "11010519491231002X", nationality: "CN", sharePercent: "70" }],
    bank: sampleBankAccount({ accountHolder: "宁波海光五金制品有限公司", accountNumber: "3581 0188 0000 6621", branchName: "宁波北仑支行" }),
    status: "approved",
    submittedDaysAgo: 30,
  });
  const at = (days: number) => new Date(haiguang.submittedAt.getTime() + days * DAY);
  await tx.insert(kybEvents).values([
    { applicationId: haiguang.id, event: "start_review", fromStatus: "submitted", toStatus: "in_review", actorUserId: reviewer, at: at(0.2) },
    { applicationId: haiguang.id, event: "approve", fromStatus: "in_review", toStatus: "approved", actorUserId: reviewer, details: { tier: "premium", risk: "standard" }, comment: "Long export history; documents consistent.", at: at(1) },
  ]);
  await tx.update(kybApplications).set({ approvedTier: "premium", decidedAt: at(1), decidedBy: reviewer }).where(eqId(haiguang.id));
  await tx.update(organizations).set({ accountTier: "premium" }).where(eqOrg(seed.factory.id));

  // Guangzhou Lingnan Textiles: the reviewer asked for the customs registration.
  const lingnan = await seedApplication(tx, {
    organizationId: seed.otherFactory.id,
    ownerId: seed.userIds.otherOwner,
    company: sampleCompany({
      legalNameZh: "广州岭南纺织品有限公司",
      legalNameEn: "Guangzhou Lingnan Textiles Co., Ltd.",
      uscc: usccFor("91440101MA5CK8LT2"),
      registeredAddress: "广东省广州市海珠区新港东路 1288 号",
      establishedOn: "2015-08-21",
      industry: "textiles_apparel",
      customsCode: "",
      expectedMonthlyVolume: "800,000",
      currencies: ["GBP", "USD"],
      buyerCountries: "GB, FR",
      website: "",
      businessScope: "纺织品、服装的生产与销售；货物及技术进出口。",
    }),
    legalRepresentative: { name: "周敏", idType: "prc_resident_id", idNumber: "11010519491231002X", nationality: "CN" },
    owners: [{ name: "周敏", idType: "prc_resident_id", idNumber: "11010519491231002X", nationality: "CN", sharePercent: "100" }],
    bank: sampleBankAccount({ accountHolder: "广州岭南纺织品有限公司", accountNumber: "3602 0000 1923 0045 771", bankName: "中国工商银行", branchName: "广州海珠支行", cnaps: "102581000013", swiftBic: "ICBKCNBJGDG" }),
    status: "info_requested",
    submittedDaysAgo: 4,
  });
  const asked = new Date(lingnan.submittedAt.getTime() + DAY);
  const item = { field: "company.customsCode", comment: "Your website mentions direct exports to the UK. Please give the company's customs registration code (海关编码) or explain who declares your exports." };
  await tx.insert(kybEvents).values([
    { applicationId: lingnan.id, event: "start_review", fromStatus: "submitted", toStatus: "in_review", actorUserId: reviewer, at: new Date(lingnan.submittedAt.getTime() + 0.5 * DAY) },
    { applicationId: lingnan.id, event: "request_info", fromStatus: "in_review", toStatus: "info_requested", actorUserId: reviewer, comment: "One question before we can decide.", details: { items: [item] }, at: asked },
  ]);
  await tx.insert(kybInfoRequests).values({ applicationId: lingnan.id, round: 1, field: item.field, comment: item.comment, requestedBy: reviewer, requestedAt: asked });

  // Yongkang Golden Tools: new applicant, high risk (a buyer country on the list), waiting past the 2-day target.
  const [yongkang] = await tx
    .insert(organizations)
    .values({ slug: "yongkang-tools", name: "永康金盾工具有限公司 Yongkang Jindun Tools Co., Ltd.", createdAt: new Date(Date.now() - 9 * DAY) })
    .returning({ id: organizations.id });
  await tx.insert(memberships).values({ organizationId: yongkang!.id, userId: seed.userIds.newOwner, role: "owner" });
  await seedApplication(tx, {
    organizationId: yongkang!.id,
    ownerId: seed.userIds.newOwner,
    company: sampleCompany({
      legalNameZh: "永康金盾工具有限公司",
      legalNameEn: "Yongkang Jindun Tools Co., Ltd.",
      uscc: usccFor("91330784MA2EJD7T1"),
      registeredAddress: "浙江省金华市永康市经济开发区金都路 58 号",
      establishedOn: "2021-11-02",
      expectedMonthlyVolume: "2,600,000",
      currencies: ["USD", "EUR"],
      buyerCountries: "US, RU, KZ",
      website: "",
      customsCode: "",
    }),
    legalRepresentative: { name: "吴建国", idType: "prc_resident_id", idNumber: "11010519491231002X", nationality: "CN" },
    owners: [
      { name: "吴建国", idType: "prc_resident_id", idNumber: "11010519491231002X", nationality: "CN", sharePercent: "55" },
      { name: "Ivan Petrov", idType: "passport", idNumber: "753481920", nationality: "RU", sharePercent: "40" },
    ],
    bank: sampleBankAccount({ accountHolder: "永康金盾工具有限公司", accountNumber: "1208 0300 0900 1234 567", bankName: "中国农业银行", branchName: "永康支行", cnaps: "103338700015", swiftBic: "ABOCCNBJ110" }),
    status: "submitted",
    submittedDaysAgo: 6,
  });
}

const eqId = (id: string) => eq(kybApplications.id, id);
const eqOrg = (id: string) => eq(organizations.id, id);
