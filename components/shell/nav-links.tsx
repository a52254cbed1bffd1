"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState, type ReactElement } from "react";
import { cn } from "@/components/ui/cn";
import { Icon, isIconName, type IconName } from "@/components/ui/icons";

export interface NavItem {
  href: string;
  /** Already translated. */
  label: string;
  /** A built-in icon name or an element (an inline svg). */
  icon?: IconName | ReactElement;
}

/** The item the current path belongs to: the longest href that is the path or a parent of it. */
export function activeHref(items: readonly NavItem[], pathname: string | null): string | null {
  if (!pathname) return null;
  let best: string | null = null;
  for (const { href } of items) {
    const base = href.split(/[?#]/)[0]!.replace(/\/+$/, "") || "/";
    const matches = pathname === base || (base === "/" ? false : pathname.startsWith(`${base}/`));
    if (matches && (best === null || base.length > best.length)) best = href;
  }
  return best;
}

function NavIcon({ icon }: { icon: NavItem["icon"] }) {
  if (!icon) return null;
  if (isIconName(icon)) return <Icon name={icon} className="size-5 shrink-0" />;
  return <span className="flex size-5 shrink-0 items-center justify-center" aria-hidden="true">{icon}</span>;
}

function NavList({ items, onNavigate }: { items: readonly NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const active = activeHref(items, pathname);
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map((item) => {
        const current = item.href === active;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              onClick={onNavigate}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                current
                  ? "bg-teal-50 text-teal-900 shadow-[inset_3px_0_0] shadow-teal-700"
                  : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <span className={cn(current ? "text-teal-700" : "text-slate-500")}>
                <NavIcon icon={item.icon} />
              </span>
              <span className="truncate">{item.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The left navigation on wide screens. */
export function SideNav({ items, label }: { items: readonly NavItem[]; label: string }) {
  return (
    <nav aria-label={label} className="p-3">
      <NavList items={items} />
    </nav>
  );
}

/** The navigation on narrow screens: a menu button in the top bar that opens the links under it. */
export function MobileNav({
  items,
  label,
  openLabel,
  closeLabel,
  menuText,
}: {
  items: readonly NavItem[];
  label: string;
  openLabel: string;
  closeLabel: string;
  menuText: string;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [lastPath, setLastPath] = useState(pathname);
  if (pathname !== lastPath) {
    setLastPath(pathname);
    setOpen(false);
  }
  if (items.length === 0) return null;
  return (
    <div className="md:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        aria-label={open ? closeLabel : openLabel}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        <Icon name={open ? "close" : "menu"} className="size-5" />
        <span className="sr-only sm:not-sr-only">{menuText}</span>
      </button>
      <nav
        id="mobile-nav"
        aria-label={label}
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            setOpen(false);
            buttonRef.current?.focus();
          }
        }}
        className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white p-3 shadow-md"
      >
        <NavList items={items} onNavigate={() => setOpen(false)} />
      </nav>
    </div>
  );
}
