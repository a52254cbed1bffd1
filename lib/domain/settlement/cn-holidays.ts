import cn2026 from "../../../data/holidays/cn-2026.json";
import cn2027 from "../../../data/holidays/cn-2027.json";
import { buildCalendar, type HolidayYear } from "./calendar";

/** The holiday data shipped with the project; admins edit copies of it, validated by holidayYearProblems. */
export const SHIPPED_CN_HOLIDAY_YEARS: readonly HolidayYear[] = [cn2026 as HolidayYear, cn2027 as HolidayYear];

/** Mainland China: 2026 as published by the State Council; 2027 provisional (see data/holidays/cn-2027.json). */
export const CN_CALENDAR = buildCalendar(SHIPPED_CN_HOLIDAY_YEARS);
