import { Badge } from "@/components/ui/badge";
import type { DisputeOutcome, DisputeStatus, DisputeTier } from "@/lib/domain/disputes";
import { OUTCOME_TONE, STATUS_TONE, TIER_TONE } from "./display";
import type { Translate } from "./translations";

/* Badges take the `disputes` translator, so that the buyer's page (its own language) and the signed-in pages share them. */

export function DisputeStatusBadge({ status, t }: { status: DisputeStatus; t: Translate }) {
  return (
    <Badge tone={STATUS_TONE[status]} dot data-testid="dispute-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function TierBadge({ tier, t }: { tier: DisputeTier; t: Translate }) {
  return (
    <Badge tone={TIER_TONE[tier]} title={t(`tier.long.${tier}`)} data-testid="dispute-tier">
      {t(`tier.${tier}`)}
    </Badge>
  );
}

export function OutcomeBadge({ outcome, t }: { outcome: DisputeOutcome; t: Translate }) {
  return (
    <Badge tone={OUTCOME_TONE[outcome]} data-testid="dispute-outcome">
      {t(`outcome.${outcome}`)}
    </Badge>
  );
}

export function BreachBadge({ t }: { t: Translate }) {
  return (
    <Badge tone="danger" data-testid="dispute-breached">
      {t("deadline.breached")}
    </Badge>
  );
}
