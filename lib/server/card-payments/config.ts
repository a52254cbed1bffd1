const DEFAULT_CLEARING_DELAY_HOURS = 48;

/** CARD_CLEARING_DELAY_HOURS: how long a succeeded card payment stays pending before it is available (default 48; 0 = at once). */
export function clearingDelayMs(): number {
  const raw = process.env.CARD_CLEARING_DELAY_HOURS?.trim();
  const hours = raw ? Number(raw) : DEFAULT_CLEARING_DELAY_HOURS;
  if (!Number.isFinite(hours) || hours < 0) throw new Error("CARD_CLEARING_DELAY_HOURS must be a number of hours, 0 or more");
  return Math.round(hours * 3_600_000);
}
