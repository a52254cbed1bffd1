import type { DisplayStatus, PaymentTerms } from "@/lib/domain/invoices";
import { bpsToPercent } from "@/lib/domain/invoices";
import type { BadgeTone } from "@/components/ui/badge";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export const STATUS_TONE: Record<DisplayStatus, BadgeTone> = {
  draft: "neutral",
  open: "info",
  partially_paid: "warning",
  paid: "success",
  overdue: "danger",
  void: "neutral",
};

/** A calendar date (YYYY-MM-DD) as a Date at UTC midnight, for formatting with timeZone "UTC". */
export function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** "30 % deposit on order, balance 60 days after the B/L date"; `t` is the `invoices` translator. */
export function describeTerms(t: Translate, terms: PaymentTerms | null): string {
  if (!terms) return "—";
  switch (terms.kind) {
    case "single":
      return t("termsSummary.single", { days: terms.days, anchor: t(`anchor.${terms.anchor}`) });
    case "deposit_balance":
      return t("termsSummary.deposit_balance", {
        deposit: bpsToPercent(terms.depositBps),
        depositDays: terms.depositDays,
        balanceDays: terms.balanceDays,
        anchor: t(`anchor.${terms.balanceAnchor}`),
      });
    case "schedule":
      return t("termsSummary.schedule", { count: terms.parts.length });
  }
}
