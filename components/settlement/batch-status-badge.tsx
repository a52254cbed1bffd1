import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES = { held: "warning", settled: "success", cancelled: "neutral" } as const satisfies Record<string, BadgeTone>;

export function BatchStatusBadge({ status }: { status: keyof typeof TONES }) {
  const t = useTranslations("settlement.statuses");
  return (
    <Badge tone={TONES[status]} dot data-testid="batch-status">
      {t(status)}
    </Badge>
  );
}
