import { getFormatter, getTranslations } from "next-intl/server";
import type { PayoutStatus } from "@/lib/domain/settlement/payout";

export interface TimelinePayout {
  status: PayoutStatus;
  origin: "on_demand" | "settlement";
  approvalRequired: boolean;
  failureReason: string | null;
  requesterName: string | null;
  approverName: string | null;
  cancellerName: string | null;
  requestedAt: Date;
  approvedAt: Date | null;
  sentAt: Date | null;
  paidAt: Date | null;
  failedAt: Date | null;
  returnedAt: Date | null;
  cancelledAt: Date | null;
}

/** Each step the payout went through, oldest first, with when and who. */
export async function PayoutTimeline({ payout, timeZone }: { payout: TimelinePayout; timeZone: string }) {
  const t = await getTranslations("payouts.detail");
  const format = await getFormatter();
  const someone = t("someone");
  const reason = payout.failureReason ?? "";
  const steps: { key: string; at: Date | null; text: string }[] = [
    {
      key: "requested",
      at: payout.requestedAt,
      text: payout.origin === "settlement" ? t("events.requestedBySettlement") : t("events.requested", { name: payout.requesterName ?? someone }),
    },
    {
      key: "approved",
      at: payout.approvedAt,
      text: payout.approverName ? t("events.approved", { name: payout.approverName }) : payout.approvalRequired ? t("events.approved", { name: someone }) : t("events.approvedAutomatically"),
    },
    { key: "sent", at: payout.sentAt, text: t("events.sent") },
    { key: "paid", at: payout.paidAt, text: t("events.paid") },
    { key: "failed", at: payout.failedAt, text: t("events.failed", { reason }) },
    { key: "returned", at: payout.returnedAt, text: t("events.returned", { reason }) },
    { key: "cancelled", at: payout.cancelledAt, text: t("events.cancelled", { name: payout.cancellerName ?? someone }) },
  ];
  return (
    <ol className="flex flex-col gap-3" data-testid="payout-timeline">
      {steps
        .filter((step): step is { key: string; at: Date; text: string } => step.at !== null)
        .map((step) => (
          <li key={step.key} className="flex flex-col gap-0.5 border-l-2 border-teal-600 pl-3 text-sm sm:flex-row sm:gap-4">
            <time dateTime={step.at.toISOString()} className="tabular shrink-0 text-slate-600 sm:w-48">
              {format.dateTime(step.at, { dateStyle: "medium", timeStyle: "short", timeZone })}
            </time>
            <span className="text-slate-900">{step.text}</span>
          </li>
        ))}
    </ol>
  );
}
