import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { StaffRole } from "@/lib/server/guard/access";

const SECTIONS = [
  { key: "queue", href: "/admin/disputes" },
  { key: "library", href: "/admin/disputes/library" },
  { key: "statistics", href: "/admin/disputes/statistics" },
  { key: "replies", href: "/admin/disputes/replies" },
  { key: "settings", href: "/admin/disputes/settings" },
] as const;

export type AdminDisputeSection = (typeof SECTIONS)[number]["key"];

/** Tabs between the agents' dispute pages; the escalation settings are the platform admins'. */
export async function AdminDisputeSections({ current, role }: { current: AdminDisputeSection; role: StaffRole }) {
  const t = await getTranslations("disputes.admin.sections");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-1 border-b border-slate-200">
      {SECTIONS.filter((section) => section.key !== "settings" || role === "platform_admin").map((section) => (
        <Link
          key={section.key}
          href={section.href}
          aria-current={section.key === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            section.key === current ? "border-teal-700 text-teal-800" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t(section.key)}
        </Link>
      ))}
    </nav>
  );
}
