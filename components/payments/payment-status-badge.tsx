import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = { unmatched: "warning", partially_matched: "info", matched: "success", reversed: "neutral" };

export async function PaymentStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("matching.status");
  return (
    <Badge tone={TONES[status] ?? "neutral"} dot>
      {t(status)}
    </Badge>
  );
}
