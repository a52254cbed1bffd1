"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Dropdown, dropdownItemStyles } from "@/components/ui/dropdown";
import { Icon } from "@/components/ui/icons";
import type { MemberRole } from "@/lib/server/guard/access";

export interface OrgOption {
  slug: string;
  name: string;
  role: MemberRole;
}

export interface OrgSwitcherProps {
  organizations: readonly OrgOption[];
  /** Slug of the organization being viewed, if any. */
  current?: string | null;
  className?: string;
}

/** The current organization's name, and a menu of the user's organizations linking to `/o/<slug>`. */
export function OrgSwitcher({ organizations, current, className }: OrgSwitcherProps) {
  const t = useTranslations("common");
  const active = organizations.find((org) => org.slug === current) ?? null;
  const triggerText = active ? active.name : t("org.select");

  return (
    <Dropdown
      align="start"
      className={className}
      label={active ? `${t("org.switcherLabel")}: ${active.name}` : t("org.switcherLabel")}
      buttonClassName="max-w-[12rem] sm:max-w-xs border border-slate-200 bg-white shadow-sm"
      trigger={
        <>
          <Icon name="building" className="size-4 shrink-0 text-slate-500" />
          <span className="truncate font-medium text-slate-900">{triggerText}</span>
          <Icon name="chevronDown" className="size-4 shrink-0 text-slate-500" />
        </>
      }
    >
      <p className="px-3 pt-1.5 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("org.heading")}</p>
      {organizations.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-600">{t("org.none")}</p>
      ) : (
        <ul className="flex max-h-80 flex-col gap-0.5 overflow-y-auto">
          {organizations.map((org) => {
            const isCurrent = org.slug === current;
            return (
              <li key={org.slug}>
                <Link href={`/o/${encodeURIComponent(org.slug)}`} aria-current={isCurrent ? "page" : undefined} className={dropdownItemStyles}>
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span className="truncate font-medium">{org.name}</span>
                    <span className="text-xs text-slate-500">{t(`roles.${org.role}`)}</span>
                  </span>
                  {isCurrent ? (
                    <Badge tone="brand">
                      <Icon name="check" className="size-3" />
                      {t("org.active")}
                    </Badge>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Dropdown>
  );
}
