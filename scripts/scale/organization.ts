import { randomBytes } from "node:crypto";
import type { Transaction } from "@/db/client";
import { buyers, kybApplications, memberships, organizations, users } from "@/db/schema";
import { hashPassword } from "@/lib/server/auth/password";
import { ensureCollectionAccounts } from "@/lib/server/collections/accounts";

/** Where the scale organization's buyers are, with the currency each pays in (a realistic export mix). */
const BUYER_MARKETS: readonly { country: string; currency: string; city: string; share: number }[] = [
  { country: "US", currency: "USD", city: "Los Angeles", share: 38 },
  { country: "DE", currency: "EUR", city: "Hamburg", share: 16 },
  { country: "GB", currency: "GBP", city: "Felixstowe", share: 10 },
  { country: "NL", currency: "EUR", city: "Rotterdam", share: 8 },
  { country: "AU", currency: "AUD", city: "Melbourne", share: 6 },
  { country: "AE", currency: "USD", city: "Dubai", share: 8 },
  { country: "HK", currency: "HKD", city: "Kwai Chung", share: 6 },
  { country: "CN", currency: "CNY", city: "Shanghai", share: 8 },
];

/** The currencies the scale organization's buyers pay in. */
export const SCALE_CURRENCIES = [...new Set(BUYER_MARKETS.map((market) => market.currency))];

const TRADES = ["Hardware", "Home Goods", "Industrial Supply", "Tools", "Building Products", "Trading", "Imports", "Distribution"];

export interface ScaleOrganization {
  organizationId: string;
  slug: string;
  ownerEmail: string;
  ownerPassword: string;
  buyerCount: number;
}

/** An approved factory with an owner, collection accounts in each buyer currency and `buyerCount` buyers. */
export async function createScaleOrganization(tx: Transaction, input: { slug: string; buyerCount: number }): Promise<ScaleOrganization> {
  const ownerPassword = `Scale-${randomBytes(6).toString("hex")}`;
  const ownerEmail = `owner@${input.slug}.scale.quayside.test`;
  const [owner] = await tx
    .insert(users)
    .values({ email: ownerEmail, name: "规模测试 Scale Owner", passwordHash: await hashPassword(ownerPassword), emailVerifiedAt: new Date(), locale: "zh-CN" })
    .returning({ id: users.id });
  const [organization] = await tx
    .insert(organizations)
    .values({ slug: input.slug, name: `浙江规模五金有限公司 Zhejiang Scale Hardware Co., Ltd. (${input.slug})` })
    .returning({ id: organizations.id });
  const organizationId = organization!.id;
  await tx.insert(memberships).values({ organizationId, userId: owner!.id, role: "owner" });
  await tx.insert(kybApplications).values({ organizationId, status: "approved", approvedTier: "premium", riskLevel: "standard" });
  await ensureCollectionAccounts(tx, organizationId);

  const markets = BUYER_MARKETS.flatMap((market) => Array.from({ length: market.share }, () => market));
  await tx.insert(buyers).values(
    Array.from({ length: input.buyerCount }, (_, i) => {
      const market = markets[i % markets.length]!;
      return {
        organizationId,
        name: `${market.city} ${TRADES[i % TRADES.length]} ${i + 1} Ltd`,
        country: market.country,
        contacts: [{ name: "Accounts payable", email: `ap${i + 1}@buyer.example` }],
        defaultCurrency: market.currency,
        defaultTerms: { kind: "single", days: 60, anchor: "issue" },
        createdBy: owner!.id,
      };
    }),
  );
  return { organizationId, slug: input.slug, ownerEmail, ownerPassword, buyerCount: input.buyerCount };
}
