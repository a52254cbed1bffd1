import type { FeeSchedule } from "./schedule";

export type VersionStatus = "in_effect" | "upcoming" | "replaced";

type Dated = Pick<FeeSchedule, "version" | "effectiveFrom">;

/**
 * What each published version is to an organization on `date`: the one that prices it, one that will price a later
 * date, or replaced — by a later version, or by one published for the same date before it took effect.
 */
export function versionStatus(versions: readonly Dated[], date: string): Map<number, VersionStatus> {
  const pricesOn = (day: string) =>
    versions.filter((v) => v.effectiveFrom <= day).reduce<Dated | null>((best, v) => (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version) ? v : best), null);
  const current = pricesOn(date);
  return new Map(
    versions.map((v) => {
      if (v.version === current?.version) return [v.version, "in_effect"];
      return [v.version, v.effectiveFrom > date && pricesOn(v.effectiveFrom)?.version === v.version ? "upcoming" : "replaced"];
    }),
  );
}
