/** Demo logins printed by `npm start`; the domain marks them as demo data (`ops totp` works only for it). */
export const DEMO_DOMAIN = "demo.quayside.test";
export const DEMO_PASSWORD = "Harbour-Crane-2026";

export const DEMO_ACCOUNTS = {
  owner: { email: `owner@${DEMO_DOMAIN}`, name: "陈海光 Chen Haiguang", totp: true },
  finance: { email: `finance@${DEMO_DOMAIN}`, name: "李晓梅 Li Xiaomei", totp: false },
  viewer: { email: `viewer@${DEMO_DOMAIN}`, name: "王磊 Wang Lei", totp: false },
  otherOwner: { email: `owner@other.${DEMO_DOMAIN}`, name: "周敏 Zhou Min", totp: true },
  reviewer: { email: `reviewer@${DEMO_DOMAIN}`, name: "KYB Reviewer 审核员", totp: true },
  agent: { email: `agent@${DEMO_DOMAIN}`, name: "Dispute Agent 争议专员", totp: true },
  admin: { email: `admin@${DEMO_DOMAIN}`, name: "Platform Admin 平台管理员", totp: true },
  /** Owner of a factory whose KYB application waits in the review queue. */
  newOwner: { email: `owner@new.${DEMO_DOMAIN}`, name: "吴建国 Wu Jianguo", totp: false },
} as const;

export function isDemoEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DEMO_DOMAIN}`) || email.toLowerCase().endsWith(`.${DEMO_DOMAIN}`);
}
