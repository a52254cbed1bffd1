import type { Transaction } from "@/db/client";
import { earliestEffectiveDate } from "@/lib/domain/fees";
import { localDateOf } from "@/lib/domain/time/local-day";
import { publishFeeSchedule } from "@/lib/server/fees/publish";
import { feeScheduleVersions } from "@/lib/server/fees/schedules";
import type { FoundationSeed } from "./foundation";

/** The first day of the month on or after `isoDate`: price changes start with a month. */
function firstOfMonthFrom(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  if (day === 1) return isoDate;
  const next = new Date(Date.UTC(year, month, 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The demo factory's fee schedule: the standard one it has been on (with its own FX tiers) as version 1, and a
 * version 2 already announced through the same use case the admin page calls — a lower collection rate and a higher
 * payout fee from the first of a month at least 30 days ahead — so its fees page shows both side by side and its
 * owner and finance members have the notice in their mailbox.
 */
export async function seedFees(tx: Transaction, seed: FoundationSeed): Promise<void> {
  const now = new Date();
  const [standard] = await feeScheduleVersions(seed.factory.id, tx);
  const { version: _version, ...draft } = standard!;
  await publishFeeSchedule(tx, {
    organizationId: seed.factory.id,
    basedOnVersion: standard!.version,
    publishedBy: seed.userIds.admin,
    now,
    draft: {
      ...draft,
      effectiveFrom: firstOfMonthFrom(earliestEffectiveDate(localDateOf(now), true)),
      collection: { ...draft.collection, baseBps: 55 },
      payoutFixed: { ...draft.payoutFixed, CNY: 800n, USD: 150n },
    },
  });
}
