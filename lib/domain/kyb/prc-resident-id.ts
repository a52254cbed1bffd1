import { compactUpper } from "./compact";
import { zonedDateTime } from "../time/zoned-time";

export type PrcResidentIdError = "id_length" | "id_format" | "id_birth_date" | "id_check";
export type PrcResidentIdValidation =
  | { ok: true; value: string; birthDate: string }
  | { ok: false; error: PrcResidentIdError };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";
const EARLIEST_BIRTH_DATE = "1900-01-01";

/** The GB 11643-1999 check character (a digit or X) for the first 17 digits of a resident ID. */
export function computePrcResidentIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`Expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** `YYYYMMDD` as `YYYY-MM-DD` when it names a real calendar date, else null. */
function calendarDate(yyyymmdd: string): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` : null;
}

/** "Today" is the calendar date in China, where the ID was issued. */
function chinaDate(instant: Date): string {
  const { year, month, day } = zonedDateTime(instant, "Asia/Shanghai");
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function validatePrcResidentId(input: string, today = new Date()): PrcResidentIdValidation {
  const value = compactUpper(input);
  if (value.length !== 18) return { ok: false, error: "id_length" };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, error: "id_format" };
  const birthDate = calendarDate(value.slice(6, 14));
  if (birthDate === null || birthDate < EARLIEST_BIRTH_DATE || birthDate > chinaDate(today)) {
    return { ok: false, error: "id_birth_date" };
  }
  if (computePrcResidentIdCheck(value.slice(0, 17)) !== value[17]) return { ok: false, error: "id_check" };
  return { ok: true, value, birthDate };
}
