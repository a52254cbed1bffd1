import type { BadgeTone } from "@/components/ui/badge";
import type { DisputeOutcome, DisputeStatus, DisputeTier } from "@/lib/domain/disputes";

export const STATUS_TONE: Record<DisputeStatus, BadgeTone> = {
  open: "info",
  in_progress: "brand",
  awaiting_factory: "warning",
  awaiting_buyer: "warning",
  proposed: "info",
  resolved: "success",
  closed: "neutral",
  withdrawn: "neutral",
};

export const TIER_TONE: Record<DisputeTier, BadgeTone> = {
  L1: "neutral",
  L2: "info",
  L3: "danger",
};

export const OUTCOME_TONE: Record<DisputeOutcome, BadgeTone> = {
  won: "success",
  lost: "danger",
  partial: "warning",
  withdrawn: "neutral",
};

/** Colours for chart series, each dark enough for 3:1 contrast against white. */
export const OUTCOME_COLORS: Record<DisputeOutcome, string> = {
  won: "#047857",
  lost: "#be123c",
  partial: "#b45309",
  withdrawn: "#475569",
};

export const CHART_PRIMARY = "#0f766e";
