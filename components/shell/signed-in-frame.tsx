import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { IconName } from "@/components/ui/icons";
import type { NavEntry, NavKey } from "@/lib/server/navigation";
import { AppShell, type OrgOption } from "./app-shell";

const ICONS: Record<NavKey, IconName> = {
  dashboard: "chart",
  overview: "overview",
  balances: "balances",
  members: "members",
  audit: "audit",
  security: "security",
  organizations: "building",
  admin: "admin",
  mailbox: "mailbox",
  onboarding: "success",
  kyb: "inbox",
  tiers: "filter",
  fx: "globe",
  fxRates: "globe",
  fxPricing: "filter",
  invoices: "audit",
  buyers: "building",
  payments: "inbox",
  statements: "download",
  exposure: "globe",
  receiving: "balances",
  fees: "filter",
  disputes: "flag",
  disputeLibrary: "search",
  disputeStatistics: "chart",
  payouts: "balances",
  settlement: "chart",
};

/** AppShell with the navigation entries translated; every signed-in area uses it. */
export async function SignedInFrame({
  nav,
  user,
  organizations,
  currentOrg,
  children,
}: {
  nav: NavEntry[];
  user: { name: string; email: string };
  organizations: readonly OrgOption[];
  currentOrg?: string;
  children: ReactNode;
}) {
  const t = await getTranslations("common.nav");
  return (
    <AppShell
      nav={nav.map((entry) => ({ href: entry.href, label: t(entry.key), icon: ICONS[entry.key] }))}
      user={user}
      organizations={organizations}
      currentOrg={currentOrg}
    >
      {children}
    </AppShell>
  );
}
