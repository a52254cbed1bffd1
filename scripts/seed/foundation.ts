import type { Transaction } from "@/db/client";
import { auditLog, loginEvents, memberships, organizations, users } from "@/db/schema";
import { hashPassword } from "@/lib/server/auth/password";
import { newTotpSecret } from "@/lib/server/auth/totp";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

export interface FoundationSeed {
  userIds: Record<keyof typeof DEMO_ACCOUNTS, string>;
  factory: { id: string; slug: string };
  otherFactory: { id: string; slug: string };
}

const STAFF_ROLES = { reviewer: "kyc_reviewer", agent: "dispute_agent", admin: "platform_admin" } as const;

export async function seedFoundation(tx: Transaction): Promise<FoundationSeed> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = {} as FoundationSeed["userIds"];
  for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [keyof typeof DEMO_ACCOUNTS, (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS]][]) {
    const [user] = await tx
      .insert(users)
      .values({
        email: account.email,
        name: account.name,
        passwordHash,
        emailVerifiedAt: new Date(),
        locale: "zh-CN",
        staffRole: key in STAFF_ROLES ? STAFF_ROLES[key as keyof typeof STAFF_ROLES] : null,
        totpSecret: account.totp ? newTotpSecret().sealed : null,
        totpEnabledAt: account.totp ? new Date() : null,
      })
      .returning({ id: users.id });
    userIds[key] = user!.id;
  }
  const [factory] = await tx
    .insert(organizations)
    .values({ slug: "haiguang-hardware", name: "宁波海光五金制品有限公司 Ningbo Haiguang Hardware Co., Ltd." })
    .returning({ id: organizations.id, slug: organizations.slug });
  const [otherFactory] = await tx
    .insert(organizations)
    .values({ slug: "lingnan-textiles", name: "广州岭南纺织品有限公司 Guangzhou Lingnan Textiles Co., Ltd." })
    .returning({ id: organizations.id, slug: organizations.slug });
  await tx.insert(memberships).values([
    { organizationId: factory!.id, userId: userIds.owner, role: "owner" },
    { organizationId: factory!.id, userId: userIds.finance, role: "finance", maxSingleMinor: 5_000_000n, dailyTotalMinor: 20_000_000n },
    { organizationId: factory!.id, userId: userIds.viewer, role: "viewer" },
    { organizationId: otherFactory!.id, userId: userIds.otherOwner, role: "owner" },
  ]);
  const now = Date.now();
  await tx.insert(loginEvents).values([
    { userId: userIds.owner, email: DEMO_ACCOUNTS.owner.email, ip: "203.0.113.24", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0", success: true, mfaUsed: true, at: new Date(now - 3 * 86_400_000) },
    { userId: userIds.owner, email: DEMO_ACCOUNTS.owner.email, ip: "198.51.100.7", userAgent: "curl/8.5.0", success: false, reason: "bad_password", at: new Date(now - 2 * 86_400_000) },
  ]);
  await tx.insert(auditLog).values([
    { actorUserId: userIds.owner, organizationId: factory!.id, action: "organization.inviteMember", target: "invitation:seed", summary: { email: DEMO_ACCOUNTS.finance.email, role: "finance" }, ip: "203.0.113.24", at: new Date(now - 10 * 86_400_000) },
    { actorUserId: userIds.owner, organizationId: factory!.id, action: "organization.updateMemberLimits", target: "membership:seed", summary: { email: DEMO_ACCOUNTS.finance.email, maxSingleMinor: "5000000", dailyTotalMinor: "20000000", currency: "CNY" }, ip: "203.0.113.24", at: new Date(now - 9 * 86_400_000) },
  ]);
  return { userIds, factory: factory!, otherFactory: otherFactory! };
}
