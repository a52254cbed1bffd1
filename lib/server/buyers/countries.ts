import { isCountryCode } from "../kyb/schemas";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Every ISO 3166-1 alpha-2 region with its name in `locale`, sorted by name, for the buyer form's country select. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const codes = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b)).filter(isCountryCode);
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ value: code, label: `${names.of(code)} (${code})` })).sort((x, y) => collator.compare(x.label, y.label));
}
