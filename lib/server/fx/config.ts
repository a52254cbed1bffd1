import { DEFAULT_MAX_RATE_AGE_MS, DEFAULT_QUOTE_TTL_MS } from "@/lib/domain/fx";

function positiveNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}

/** FX_QUOTE_TTL_SECONDS: how long a quote holds (default 30). */
export function quoteTtlMs(): number {
  const seconds = positiveNumber(process.env.FX_QUOTE_TTL_SECONDS);
  return seconds === null ? DEFAULT_QUOTE_TTL_MS : Math.round(seconds * 1000);
}

/** FX_RATE_MAX_AGE_HOURS: past this age a pair's newest rate is stale and no quote is given (default 120). */
export function maxRateAgeMs(): number {
  const hours = positiveNumber(process.env.FX_RATE_MAX_AGE_HOURS);
  return hours === null ? DEFAULT_MAX_RATE_AGE_MS : Math.round(hours * 3_600_000);
}

/** FX_RATES_URL: where the scheduled job fetches ECB rates from (a file path works too); unset = no fetching. */
export function ratesUrl(): string | null {
  const url = process.env.FX_RATES_URL?.trim();
  return url ? url : null;
}
