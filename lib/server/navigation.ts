import type { MemberRole, StaffRole } from "./guard/access";

/** Keys of `common.nav` in the catalogs. */
export type NavKey =
  | "dashboard"
  | "overview"
  | "balances"
  | "members"
  | "audit"
  | "security"
  | "organizations"
  | "admin"
  | "mailbox"
  | "onboarding"
  | "kyb"
  | "tiers"
  | "fx"
  | "fxRates"
  | "fxPricing"
  | "invoices"
  | "buyers"
  | "payments"
  | "statements"
  | "exposure"
  | "receiving"
  | "fees"
  | "disputes"
  | "disputeLibrary"
  | "disputeStatistics"
  | "payouts"
  | "settlement";
export interface NavEntry {
  key: NavKey;
  href: string;
}

/** The sections of an organization that exist and that this role may open. */
export function organizationNav(slug: string, role: MemberRole): NavEntry[] {
  const entries: NavEntry[] = [
    { key: "dashboard", href: `/o/${slug}/dashboard` },
    { key: "invoices", href: `/o/${slug}/invoices` },
    { key: "buyers", href: `/o/${slug}/buyers` },
    { key: "payments", href: `/o/${slug}/payments` },
    { key: "statements", href: `/o/${slug}/statements` },
    { key: "receiving", href: `/o/${slug}/receiving` },
    { key: "balances", href: `/o/${slug}/balances` },
    { key: "fx", href: `/o/${slug}/fx` },
    { key: "payouts", href: `/o/${slug}/payouts` },
    { key: "settlement", href: `/o/${slug}/settlement` },
    { key: "exposure", href: `/o/${slug}/exposure` },
    { key: "fees", href: `/o/${slug}/fees` },
    { key: "disputes", href: `/o/${slug}/disputes` },
    { key: "members", href: `/o/${slug}/members` },
    { key: "onboarding", href: `/o/${slug}/onboarding` },
  ];
  if (role === "owner") entries.push({ key: "audit", href: `/o/${slug}/audit` });
  return entries;
}

export function staffNav(role: StaffRole): NavEntry[] {
  const entries: NavEntry[] = [{ key: "admin", href: "/admin" }];
  if (role === "kyc_reviewer" || role === "platform_admin") entries.push({ key: "kyb", href: "/admin/kyb" });
  if (role === "platform_admin") entries.push({ key: "tiers", href: "/admin/kyb/settings" });
  if (role === "dispute_agent" || role === "platform_admin") {
    entries.push(
      { key: "disputes", href: "/admin/disputes" },
      { key: "disputeLibrary", href: "/admin/disputes/library" },
      { key: "disputeStatistics", href: "/admin/disputes/statistics" },
    );
  }
  if (role === "platform_admin") entries.push({ key: "fxRates", href: "/admin/fx" }, { key: "fxPricing", href: "/admin/fx/pricing" }, { key: "fees", href: "/admin/fees" }, { key: "settlement", href: "/admin/settlement/calendar" });
  if (role === "platform_admin") entries.push({ key: "audit", href: "/admin/audit" });
  return entries;
}

export const accountNav: NavEntry[] = [
  { key: "security", href: "/account/security" },
  { key: "organizations", href: "/account/organizations" },
];
