"use server";

import { runAction } from "@/lib/server/guard/run-action";
import {
  addHolidayAction,
  addMakeUpDayAction,
  removeHolidayAction,
  removeMakeUpDayAction,
  restoreCalendarYearAction,
  setCalendarYearAction,
} from "@/lib/server/settlement/calendar-admin";
import { updateScheduleAction } from "@/lib/server/settlement/schedules";

export async function updateSettlementSchedule(input: unknown) {
  return runAction(updateScheduleAction, input);
}

export async function addHoliday(input: unknown) {
  return runAction(addHolidayAction, input);
}

export async function removeHoliday(input: unknown) {
  return runAction(removeHolidayAction, input);
}

export async function addMakeUpDay(input: unknown) {
  return runAction(addMakeUpDayAction, input);
}

export async function removeMakeUpDay(input: unknown) {
  return runAction(removeMakeUpDayAction, input);
}

export async function setCalendarYear(input: unknown) {
  return runAction(setCalendarYearAction, input);
}

export async function restoreCalendarYear(input: unknown) {
  return runAction(restoreCalendarYearAction, input);
}
