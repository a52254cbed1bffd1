"use client";

import Link from "next/link";
import { useState } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/button";
import { Dropdown, dropdownItemStyles } from "@/components/ui/dropdown";
import { Icon } from "@/components/ui/icons";
import { LocaleSwitcher } from "./locale-switcher";

export interface UserMenuProps {
  name: string;
  email: string;
  className?: string;
}

function initials(name: string, email: string): string {
  const source = name.trim() || email;
  // A Chinese name reads best as its first character; a Latin one as the first letters of two words.
  if (/^[\u3400-\u9fff]/.test(source)) return source.slice(0, 1);
  const words = source.split(/[\s@._-]+/).filter(Boolean);
  return ((words[0]?.[0] ?? "") + (words[1]?.[0] ?? "")).toUpperCase() || "?";
}

/** Who is signed in, a link to security settings, the language switch, and sign-out. */
export function UserMenu({ name, email, className }: UserMenuProps) {
  const t = useTranslations("common.user");
  const [signingOut, setSigningOut] = useState(false);

  return (
    <Dropdown
      className={className}
      label={t("menuLabel", { name: name || email })}
      trigger={
        <>
          <span className="flex size-8 items-center justify-center rounded-full bg-teal-700 text-xs font-semibold text-white" aria-hidden="true">
            {initials(name, email)}
          </span>
          <span className="hidden max-w-[10rem] truncate font-medium lg:inline">{name || email}</span>
          <Icon name="chevronDown" className="hidden size-4 text-slate-500 lg:block" />
        </>
      }
    >
      <div className="border-b border-slate-100 px-3 pt-2 pb-3">
        <p className="text-xs text-slate-500">{t("signedInAs")}</p>
        <p className="truncate font-medium text-slate-900">{name}</p>
        <p className="truncate text-slate-600">{email}</p>
      </div>
      <div className="py-1.5">
        <Link href="/account/security" className={dropdownItemStyles}>
          <Icon name="security" className="size-5 shrink-0 text-slate-500" />
          <span className="flex flex-col">
            <span className="font-medium">{t("security")}</span>
            <span className="text-xs text-slate-500">{t("securityHint")}</span>
          </span>
        </Link>
      </div>
      <div className="border-t border-slate-100 px-3 py-3">
        <p className="mb-2 flex items-center gap-1.5 text-xs font-medium text-slate-500">
          <Icon name="globe" className="size-4" />
          {t("language")}
        </p>
        <LocaleSwitcher size="full" />
      </div>
      <div className="border-t border-slate-100 pt-1.5">
        <button
          type="button"
          disabled={signingOut}
          aria-busy={signingOut || undefined}
          className={dropdownItemStyles}
          onClick={() => {
            setSigningOut(true);
            void signOut({ callbackUrl: "/sign-in" }).catch(() => setSigningOut(false));
          }}
        >
          {signingOut ? <Spinner className="size-5" /> : <Icon name="signOut" className="size-5 shrink-0 text-slate-500" />}
          <span>{signingOut ? t("signingOut") : t("signOut")}</span>
        </button>
      </div>
    </Dropdown>
  );
}
