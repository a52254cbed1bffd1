import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { MobileNav, SideNav, type NavItem } from "./nav-links";
import { OrgSwitcher, type OrgOption } from "./org-switcher";
import { UserMenu } from "./user-menu";

export type { NavItem, OrgOption };

export interface AppShellProps {
  /** Left navigation, labels already translated; the entry matching the current path is highlighted. */
  nav: readonly NavItem[];
  /** The signed-in user, for the user menu. */
  user: { name: string; email: string };
  /** The user's organizations, for the switcher; the switcher is left out when omitted. */
  organizations?: readonly OrgOption[];
  /** Slug of the organization being viewed. */
  currentOrg?: string | null;
  /** Where the product name links to; "/" by default. */
  homeHref?: string;
  children: ReactNode;
}

/**
 * The signed-in frame: top bar (product name, organization switcher, user menu), left navigation that becomes a
 * menu button on narrow screens, and the main content area.
 */
export async function AppShell({ nav, user, organizations, currentOrg = null, homeHref = "/", children }: AppShellProps) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t("nav.skipToContent")}
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
        <div className="relative flex h-14 items-center gap-2 px-3 sm:gap-3 sm:px-5">
          <MobileNav
            items={nav}
            label={t("nav.label")}
            openLabel={t("nav.openMenu")}
            closeLabel={t("nav.closeMenu")}
            menuText={t("nav.menu")}
          />
          <Link
            href={homeHref}
            className="flex shrink-0 items-center gap-2 rounded-md pr-1 font-semibold text-slate-900 md:w-52"
            aria-label={t("product.home")}
          >
            <ProductMark />
            <span className="hidden text-base tracking-tight sm:inline">{t("product.name")}</span>
          </Link>
          {organizations ? <OrgSwitcher organizations={organizations} current={currentOrg} /> : null}
          <div className="ml-auto flex items-center gap-2">
            <UserMenu name={user.name} email={user.email} />
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        {nav.length > 0 ? (
          <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
            <div className="sticky top-14">
              <SideNav items={nav} label={t("nav.label")} />
            </div>
          </aside>
        ) : null}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</div>
        </main>
      </div>
    </div>
  );
}

/** The product's mark: a quay and a wave, in teal. */
export function ProductMark({ className = "size-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" className="fill-teal-700" />
      <path d="M8 10h16M11 10v8M21 10v8M8 18h16" stroke="white" strokeWidth="2.2" strokeLinecap="round" fill="none" />
      <path d="M7 23c2 0 2-1.6 4.5-1.6S14 23 16 23s2-1.6 4.5-1.6S23 23 25 23" stroke="#99f6e4" strokeWidth="2" strokeLinecap="round" fill="none" />
    </svg>
  );
}
