import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PayoutStatus } from "@/lib/domain/settlement/payout";

const TONES: Record<PayoutStatus, BadgeTone> = {
  requested: "warning",
  approved: "info",
  sent: "brand",
  paid: "success",
  failed: "danger",
  returned: "danger",
  cancelled: "neutral",
};

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const t = useTranslations("payouts.statuses");
  return (
    <Badge tone={TONES[status]} dot data-testid="payout-status">
      {t(status)}
    </Badge>
  );
}
