import type { PayInstalment } from "@/lib/server/pay/invoice-by-token";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "Deposit", "Balance", "Payment", or "Instalment 3" for a label the page does not know. */
export function instalmentName(t: Translate, instalment: Pick<PayInstalment, "label" | "position">): string {
  return ["deposit", "balance", "full"].includes(instalment.label)
    ? t(`instalment.${instalment.label}`)
    : t("instalment.other", { position: instalment.position });
}

/** "Due on 12 Jun 2026", or the rule while the date waits on the B/L ("Due 30 days after the B/L date"). */
export function dueText(t: Translate, instalment: Pick<PayInstalment, "dueDate" | "dueRule">, formatDate: (iso: string) => string): string {
  if (instalment.dueDate) return t("dueNow.dueOn", { date: formatDate(instalment.dueDate) });
  return instalment.dueRule.anchor === "bill_of_lading"
    ? t("dueNow.dueAfterBl", { days: instalment.dueRule.days })
    : t("dueNow.dueAfterIssue", { days: instalment.dueRule.days });
}
