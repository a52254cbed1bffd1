import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS_TONES: Record<string, BadgeTone> = {
  draft: "neutral",
  submitted: "info",
  in_review: "brand",
  approved: "success",
  rejected: "danger",
  info_requested: "warning",
};

export async function KybStatusBadge({ status }: { status: string | null }) {
  const t = await getTranslations("kyb.status");
  return (
    <Badge tone={STATUS_TONES[status ?? "draft"] ?? "neutral"} dot data-testid="kyb-status">
      {t(status ?? "none")}
    </Badge>
  );
}

export async function RiskBadge({ level }: { level: string | null }) {
  if (!level) return null;
  const t = await getTranslations("kyb.risk");
  return <Badge tone={level === "high" ? "danger" : "neutral"}>{t(level === "high" ? "high" : "standard")}</Badge>;
}

export interface HistoryItem {
  id: string;
  event: string;
  comment: string | null;
  details: Record<string, unknown>;
  at: Date;
  actorName: string | null;
  actorIsStaff: boolean;
}

/** Every event of the application; the factory sees the review team, reviewers see names. */
export async function KybHistory({ items, showStaffNames, timeZone }: { items: HistoryItem[]; showStaffNames: boolean; timeZone: string }) {
  const t = await getTranslations("kyb.history");
  const tiers = await getTranslations("kyb.tiers");
  const fields = await getTranslations("kyb.fields");
  const format = await getFormatter();
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="kyb-history">
      {items.map((item) => {
        const who = item.actorIsStaff && !showStaffNames ? t("reviewTeam") : (item.actorName ?? t("system"));
        const requested = Array.isArray(item.details.items) ? (item.details.items as { field: string; comment: string }[]) : [];
        const known = t.has(`events.${item.event}`);
        return (
          <li key={item.id} className="border-l-2 border-slate-200 pl-3 text-sm">
            <div className="font-medium text-slate-900">{known ? t(`events.${item.event}`) : item.event}</div>
            <div className="text-slate-600">
              {who} · {format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short", timeZone })}
            </div>
            {typeof item.details.tier === "string" ? <div className="text-slate-700">{t("tier", { tier: tiers(item.details.tier) })}</div> : null}
            {item.event === "answer" && typeof item.details.field === "string" && fields.has(item.details.field) ? (
              <div className="text-slate-700">{fields(item.details.field)}</div>
            ) : null}
            {item.comment ? <p className="mt-1 whitespace-pre-line text-slate-800">{item.comment}</p> : null}
            {requested.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-slate-800">
                {requested.map((request, index) => (
                  <li key={index}>
                    <span className="font-medium">{fields.has(request.field) ? fields(request.field) : request.field}</span>: {request.comment}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A definition list of label → value, "—" for an empty value. */
export function Facts({ rows }: { rows: [ReactNode, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]">
      {rows.map(([label, value], index) => (
        <div key={index} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-words text-slate-900">{value === "" || value === null || value === undefined ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  );
}
