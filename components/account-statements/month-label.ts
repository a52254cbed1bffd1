/** "March 2026" / "2026年3月" for a `YYYY-MM` month, whatever the viewer's time zone. */
export function monthLabel(month: string, locale: string): string {
  const [year, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year!, m! - 1, 1)));
}
