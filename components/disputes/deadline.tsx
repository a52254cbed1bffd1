import type { Locale } from "@/i18n/catalog";
import type { DeadlineKind } from "@/lib/domain/disputes";
import { cn } from "@/components/ui/cn";
import { BreachBadge } from "./badges";
import { formatDuration } from "./duration";
import { caseTime } from "./format";
import { disputeTranslations } from "./translations";

export interface NextDeadlineProps {
  kind: DeadlineKind | null;
  dueAt: Date | null;
  /** A current deadline is past. */
  breachedNow: boolean;
  /** Any deadline of the case, in any tier, was missed. */
  everBreached: boolean;
  now: Date;
  locale: Locale;
  timeZone: string;
}

/** The next unmet deadline of a case in a list: what it is, when, and how long is left or how late it is. */
export async function NextDeadline({ kind, dueAt, breachedNow, everBreached, now, locale, timeZone }: NextDeadlineProps) {
  const t = await disputeTranslations(locale);
  if (!kind || !dueAt) {
    return (
      <span className="flex flex-col items-start gap-1">
        <span className="text-slate-600">{t("deadline.none")}</span>
        {everBreached ? <BreachBadge t={t} /> : null}
      </span>
    );
  }
  const left = dueAt.getTime() - now.getTime();
  return (
    <span className="flex flex-col items-start gap-1" data-testid="dispute-deadline">
      <span className="text-slate-900">{t(`deadline.${kind}`)}</span>
      <time dateTime={dueAt.toISOString()} className="text-xs text-slate-600">
        {caseTime(dueAt, locale, timeZone)}
      </time>
      <span className={cn("text-xs font-medium", left < 0 ? "text-red-700" : "text-slate-700")}>
        {left < 0 ? t("deadline.overdueBy", { time: formatDuration(-left, t) }) : t("deadline.dueIn", { time: formatDuration(left, t) })}
      </span>
      {breachedNow || everBreached ? <BreachBadge t={t} /> : null}
    </span>
  );
}

export interface CaseDeadline {
  kind: DeadlineKind;
  dueAt: Date;
  metAt: Date | null;
  breached: boolean;
}

/** Every deadline of the case's current tier, met or not, with its breach flag. */
export async function ServiceLevelList({ deadlines, now, locale, timeZone }: { deadlines: readonly CaseDeadline[]; now: Date; locale: Locale; timeZone: string }) {
  const t = await disputeTranslations(locale);
  if (deadlines.length === 0) return <p className="text-sm text-slate-600">{t("deadline.none")}</p>;
  return (
    <ul className="flex flex-col gap-3" data-testid="dispute-deadlines">
      {deadlines.map((deadline) => {
        const left = deadline.dueAt.getTime() - now.getTime();
        return (
          <li key={deadline.kind} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid={`deadline-${deadline.kind}`}>
            <span className="font-medium text-slate-900">{t(`deadline.${deadline.kind}`)}</span>
            <span className="flex flex-wrap items-center gap-2 text-slate-700">
              <time dateTime={deadline.dueAt.toISOString()}>{caseTime(deadline.dueAt, locale, timeZone)}</time>
              {deadline.metAt ? (
                <span className="text-slate-600">· {t("deadline.metAt", { date: caseTime(deadline.metAt, locale, timeZone) })}</span>
              ) : (
                <span className={cn("font-medium", left < 0 ? "text-red-700" : "text-slate-700")}>
                  · {left < 0 ? t("deadline.overdueBy", { time: formatDuration(-left, t) }) : t("deadline.dueIn", { time: formatDuration(left, t) })}
                </span>
              )}
              {deadline.breached ? <BreachBadge t={t} /> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
