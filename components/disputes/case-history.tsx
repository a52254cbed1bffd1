import type { Locale } from "@/i18n/catalog";
import { isRootCause, type DisputeOutcome, type DisputeStatus, type DisputeTier } from "@/lib/domain/disputes";
import { caseMoney, caseTime } from "./format";
import type { DisputeParty } from "./message-thread";
import { disputeTranslations, type Translate } from "./translations";

export interface HistoryEvent {
  id: string;
  kind: string;
  actorKind: DisputeParty;
  actorName: string | null;
  fromStatus: DisputeStatus | null;
  toStatus: DisputeStatus | null;
  fromTier: DisputeTier | null;
  toTier: DisputeTier | null;
  details: Record<string, unknown>;
  at: Date;
}

const DEADLINES = new Set(["first_response", "resolution", "proposal", "decision"]);
const OUTCOMES = new Set(["won", "lost", "partial", "withdrawn"]);

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** A minor-unit amount, which the history keeps as a string of digits (JSON has no bigint). */
function amount(value: unknown, currency: string, locale: Locale): string {
  if (typeof value === "bigint") return caseMoney(value, currency, locale);
  return typeof value === "string" && /^-?\d+$/.test(value) ? caseMoney(BigInt(value), currency, locale) : "—";
}

function deadline(value: unknown, t: Translate): string {
  return typeof value === "string" && DEADLINES.has(value) ? t(`deadline.${value}`) : "—";
}

function outcome(value: unknown, t: Translate): string {
  return typeof value === "string" && OUTCOMES.has(value) ? t(`outcome.${value as DisputeOutcome}`) : "—";
}

/** Why a case was escalated, in words: each rule that lifted it, or the agent's own reason. */
export function escalationReasonTexts(reasons: unknown, locale: Locale, t: Translate): string[] {
  const list = Array.isArray(reasons) ? (reasons as Record<string, unknown>[]) : [];
  return list.map((reason) => {
    switch (reason.kind) {
      case "service_level_breached":
        return t("history.reason.service_level_breached", { deadline: deadline(reason.deadline, t) });
      case "amount_above_threshold":
        return t("history.reason.amount_above_threshold", { threshold: amount(reason.thresholdCnyMinor, "CNY", locale) });
      case "repeated_buyer":
        return t("history.reason.repeated_buyer", { cases: text(reason.cases), days: text(reason.days) });
      case "agent":
        return t("history.reason.agent", { reason: text(reason.reason) });
      default:
        return text(reason.kind);
    }
  });
}

/** One line of the history in words; the details a kind carries are read defensively (they are stored JSON). */
function describe(event: HistoryEvent, currency: string, locale: Locale, t: Translate): { title: string; notes: string[] } {
  const d = event.details;
  switch (event.kind) {
    case "opened":
      return { title: t("history.kind.opened", { tier: event.toTier ?? "—" }), notes: [] };
    case "reserved":
    case "shortfall_reserved":
      return { title: t(`history.kind.${event.kind}`, { amount: amount(d.amountMinor, currency, locale) }), notes: [] };
    case "status":
      return {
        title: t("history.kind.status", { from: event.fromStatus ? t(`status.${event.fromStatus}`) : "—", to: event.toStatus ? t(`status.${event.toStatus}`) : "—" }),
        notes: [],
      };
    case "escalated":
      return {
        title: t(d.automatic === true ? "history.kind.escalatedAutomatically" : "history.kind.escalated", { from: event.fromTier ?? "—", to: event.toTier ?? "—" }),
        notes: escalationReasonTexts(d.reasons, locale, t),
      };
    case "breached":
      return { title: t("history.kind.breached", { deadline: deadline(d.deadline, t), tier: text(d.tier) }), notes: [] };
    case "proposed":
      return { title: t("history.kind.proposed", { outcome: outcome(d.outcome, t), buyerShare: amount(d.buyerShareMinor, currency, locale) }), notes: [] };
    case "proposal_accepted":
    case "proposal_rejected":
      return { title: t(`history.kind.${event.kind}`), notes: typeof d.note === "string" && d.note ? [d.note] : [] };
    case "decided":
      return {
        title: t("history.kind.decided", {
          outcome: outcome(d.outcome, t),
          buyerShare: amount(d.buyerShareMinor, currency, locale),
          factoryShare: amount(d.factoryShareMinor, currency, locale),
        }),
        notes: [],
      };
    case "withdrawn":
      return { title: t("history.kind.withdrawn", { factoryShare: amount(d.factoryShareMinor, currency, locale) }), notes: [] };
    case "closed":
      return { title: t("history.kind.closed", { rootCause: typeof d.rootCause === "string" && isRootCause(d.rootCause) ? t(`rootCause.${d.rootCause}`) : "—" }), notes: [] };
    case "claimed":
    case "assigned":
    case "message":
    case "evidence":
    case "buyer_link_rotated":
      return { title: t(`history.kind.${event.kind}`), notes: [] };
    default:
      return { title: t("history.unknown", { kind: event.kind }), notes: [] };
  }
}

/** The case history, oldest first: what changed, who changed it, when. */
export async function CaseHistory({ events, currency, locale, timeZone }: { events: readonly HistoryEvent[]; currency: string; locale: Locale; timeZone: string }) {
  const t = await disputeTranslations(locale);
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("history.empty")}</p>;
  return (
    <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4" data-testid="dispute-history">
      {events.map((event) => {
        const { title, notes } = describe(event, currency, locale, t);
        return (
          <li key={event.id} className="text-sm" data-testid="dispute-event" data-kind={event.kind}>
            <p className="font-medium text-slate-900">{title}</p>
            {notes.length > 0 ? (
              <ul className="mt-0.5 list-disc pl-5 text-slate-700">
                {notes.map((note, index) => (
                  <li key={`${index}-${note}`}>{note}</li>
                ))}
              </ul>
            ) : null}
            <p className="mt-0.5 text-xs text-slate-600">
              <time dateTime={event.at.toISOString()}>{caseTime(event.at, locale, timeZone)}</time>
              {" · "}
              {event.actorName ? t("history.actor", { party: t(`party.${event.actorKind}`), name: event.actorName }) : t(`party.${event.actorKind}`)}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
