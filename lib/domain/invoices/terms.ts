import { allocate } from "@/lib/domain/money";
import { addDays } from "./dates";

export type DueAnchor = "issue" | "bill_of_lading";

/** When an amount falls due: `days` after the issue date or after the bill of lading date. */
export interface DueRule {
  anchor: DueAnchor;
  days: number;
}

/**
 * Payment terms as a factory agrees them with a buyer:
 * - `single`: everything `days` after the issue or B/L date (net 60);
 * - `deposit_balance`: a deposit (`depositBps` of the total, 3000 = 30 %) `depositDays` after issue (0 = on order),
 *   the balance `balanceDays` after the B/L date (or the issue date);
 * - `schedule`: any list of shares (in basis points, summing to 10000), each with its own due rule.
 */
export type PaymentTerms =
  | { kind: "single"; days: number; anchor: DueAnchor }
  | { kind: "deposit_balance"; depositBps: number; depositDays: number; balanceDays: number; balanceAnchor: DueAnchor }
  | { kind: "schedule"; parts: { shareBps: number; days: number; anchor: DueAnchor }[] };

export const FULL_BPS = 10_000;
export const MAX_TERM_DAYS = 365;
export const MAX_SCHEDULE_PARTS = 12;

export type InstalmentLabel = "full" | "deposit" | "balance" | "instalment";

export interface PlannedInstalment {
  label: InstalmentLabel;
  shareBps: number;
  dueRule: DueRule;
}

/** The instalments the terms make, in order, without amounts or dates. */
export function instalmentPlan(terms: PaymentTerms): PlannedInstalment[] {
  switch (terms.kind) {
    case "single":
      return [{ label: "full", shareBps: FULL_BPS, dueRule: { anchor: terms.anchor, days: terms.days } }];
    case "deposit_balance":
      return [
        { label: "deposit", shareBps: terms.depositBps, dueRule: { anchor: "issue", days: terms.depositDays } },
        { label: "balance", shareBps: FULL_BPS - terms.depositBps, dueRule: { anchor: terms.balanceAnchor, days: terms.balanceDays } },
      ];
    case "schedule":
      return terms.parts.map((part) => ({ label: "instalment", shareBps: part.shareBps, dueRule: { anchor: part.anchor, days: part.days } }));
  }
}

export interface DueDates {
  issueDate: string;
  /** Null until the goods have shipped. */
  billOfLadingDate: string | null;
}

/** The due date of a rule, or null while it waits on the B/L date. */
export function dueDate(rule: DueRule, dates: DueDates): string | null {
  const anchor = rule.anchor === "issue" ? dates.issueDate : dates.billOfLadingDate;
  return anchor === null ? null : addDays(anchor, rule.days);
}

export interface ScheduledInstalment extends PlannedInstalment {
  position: number;
  amountMinor: bigint;
  dueDate: string | null;
}

/** The total split by the shares (largest remainder, so the amounts always sum to the total), each with its due date. */
export function scheduleInstalments(totalMinor: bigint, terms: PaymentTerms, dates: DueDates): ScheduledInstalment[] {
  const plan = instalmentPlan(terms);
  const amounts = allocate(totalMinor, plan.map((part) => part.shareBps));
  return plan.map((part, index) => ({ ...part, position: index + 1, amountMinor: amounts[index]!, dueDate: dueDate(part.dueRule, dates) }));
}

export type TermsProblem = "days" | "share" | "shares_sum" | "parts";

const isDays = (days: unknown): days is number => Number.isInteger(days) && (days as number) >= 0 && (days as number) <= MAX_TERM_DAYS;
const isAnchor = (anchor: unknown): anchor is DueAnchor => anchor === "issue" || anchor === "bill_of_lading";

/** Why stored or typed terms cannot be used, or null when they can. */
export function termsProblem(terms: PaymentTerms): TermsProblem | null {
  switch (terms.kind) {
    case "single":
      return isDays(terms.days) && isAnchor(terms.anchor) ? null : "days";
    case "deposit_balance":
      if (!Number.isInteger(terms.depositBps) || terms.depositBps <= 0 || terms.depositBps >= FULL_BPS) return "share";
      return isDays(terms.depositDays) && isDays(terms.balanceDays) && isAnchor(terms.balanceAnchor) ? null : "days";
    case "schedule": {
      if (terms.parts.length < 1 || terms.parts.length > MAX_SCHEDULE_PARTS) return "parts";
      if (terms.parts.some((part) => !Number.isInteger(part.shareBps) || part.shareBps <= 0)) return "share";
      if (terms.parts.some((part) => !isDays(part.days) || !isAnchor(part.anchor))) return "days";
      return terms.parts.reduce((acc, part) => acc + part.shareBps, 0) === FULL_BPS ? null : "shares_sum";
    }
  }
}

/** Terms read back from a JSON column; null when the value is not well-formed terms. */
export function readStoredTerms(value: unknown): PaymentTerms | null {
  if (typeof value !== "object" || value === null) return null;
  const kind = (value as { kind?: unknown }).kind;
  if (kind !== "single" && kind !== "deposit_balance" && kind !== "schedule") return null;
  const terms = value as PaymentTerms;
  if (terms.kind === "schedule" && !Array.isArray(terms.parts)) return null;
  return termsProblem(terms) === null ? terms : null;
}

/** Net 60 from the issue date: the default for a new buyer. */
export const DEFAULT_TERMS: PaymentTerms = { kind: "single", days: 60, anchor: "issue" };

/** "30" or "33.33" (percent, up to two decimals) → basis points, or null. */
export function percentToBps(input: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(input.trim().replace(/\s*%$/, ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 3000 → "30", 3333 → "33.33". */
export function bpsToPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}
