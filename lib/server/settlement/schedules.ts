import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { ledgerAccounts, settlementSchedules, users } from "@/db/schema";
import { COLLECTION_CURRENCIES } from "@/lib/domain/banking";
import {
  DEFAULT_SETTLEMENT_SCHEDULE,
  defaultPayoutCurrency,
  payoutCurrencyChoices,
  SETTLEMENT_SCHEDULE_KINDS,
  type SettlementSchedule,
  scheduleFields,
  scheduleFromFields,
  settlementScheduleProblem,
} from "@/lib/domain/settlement";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { settlementBankAccount } from "../payouts/bank-account";

/** How one currency of an organization settles: its own row, or T+1 in the default payout currency. */
export interface EffectiveSchedule {
  currency: string;
  schedule: SettlementSchedule;
  payoutCurrency: string;
  /** The payout currencies the settlement bank account allows for it. */
  payoutChoices: string[];
  custom: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
}

type ScheduleRow = typeof settlementSchedules.$inferSelect;

function effective(currency: string, row: ScheduleRow | undefined, accepted: readonly string[], updatedByName: string | null = null): EffectiveSchedule {
  return {
    currency,
    schedule: row ? scheduleFromFields(row) : DEFAULT_SETTLEMENT_SCHEDULE,
    payoutCurrency: row?.payoutCurrency ?? defaultPayoutCurrency(currency, accepted),
    payoutChoices: payoutCurrencyChoices(currency, accepted),
    custom: Boolean(row),
    updatedAt: row?.updatedAt ?? null,
    updatedByName,
  };
}

/** The schedule a run applies to one of the organization's currencies; `accepted` is the settlement account's currencies. */
export async function effectiveSchedule(executor: Executor, organizationId: string, currency: string, accepted: readonly string[]): Promise<EffectiveSchedule> {
  const [row] = await executor
    .select()
    .from(settlementSchedules)
    .where(and(eq(settlementSchedules.organizationId, organizationId), eq(settlementSchedules.currency, currency)));
  return effective(currency, row, accepted);
}

/** Every currency the organization holds or has a schedule for, with how it settles. */
export async function organizationSchedules(organizationId: string, executor: Executor = db()): Promise<EffectiveSchedule[]> {
  const [account, rows, held] = await Promise.all([
    settlementBankAccount(executor, organizationId),
    executor
      .select({ row: settlementSchedules, updatedByName: users.name })
      .from(settlementSchedules)
      .leftJoin(users, eq(users.id, settlementSchedules.updatedBy))
      .where(eq(settlementSchedules.organizationId, organizationId)),
    executor
      .selectDistinct({ currency: ledgerAccounts.currency })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.organizationId, organizationId), eq(ledgerAccounts.kind, "available")))
      .orderBy(asc(ledgerAccounts.currency)),
  ]);
  const byCurrency = new Map(rows.map(({ row, updatedByName }) => [row.currency, { row, updatedByName }]));
  const currencies = [...new Set([...held.map((row) => row.currency), ...byCurrency.keys()])].sort();
  return currencies.map((currency) => effective(currency, byCurrency.get(currency)?.row, account?.currencies ?? [], byCurrency.get(currency)?.updatedByName ?? null));
}

/** A whole number typed in a form; an empty field is no value (not zero). */
const whole = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number("validation.invalid").int("validation.invalid").optional());

export const scheduleInput = z.object({
  org: z.string(),
  currency: z.enum(COLLECTION_CURRENCIES, "validation.choice"),
  kind: z.enum(SETTLEMENT_SCHEDULE_KINDS, "validation.choice"),
  businessDays: whole,
  weekday: whole,
  /** A day 1–31, or `month_end`. */
  monthDay: z.union([z.literal("month_end"), whole]),
  payoutCurrency: z.string().trim().toUpperCase().length(3, "validation.choice"),
});

/** The schedule the form describes; each kind reads only its own field. */
export function scheduleFromInput(input: z.output<typeof scheduleInput>): SettlementSchedule {
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new ActionError("settlement_schedule_incomplete");
    return value;
  };
  switch (input.kind) {
    case "rolling":
      return { kind: "rolling", businessDays: need(input.businessDays) };
    case "weekly":
      return { kind: "weekly", weekday: need(input.weekday) };
    case "monthly":
    case "quarterly":
      return { kind: input.kind, day: need(input.monthDay) };
    case "on_demand":
      return { kind: "on_demand" };
  }
}

/**
 * Owners and finance set when a currency settles (rolling T+N, a weekday, a day of the month or quarter, or on demand)
 * and whether it is paid in the currency itself (when the settlement account takes it) or in CNY. Audited.
 */
export const updateScheduleAction = defineAction({
  name: "settlement.updateSchedule",
  access: { kind: "org", roles: MONEY_ROLES },
  input: scheduleInput,
  async handler(ctx, input) {
    const organizationId = ctx.organization.id;
    const schedule = scheduleFromInput(input);
    const problem = settlementScheduleProblem(schedule);
    if (problem) throw new ActionError(`settlement_schedule_${problem}`);
    const account = await settlementBankAccount(ctx.tx, organizationId);
    const choices = payoutCurrencyChoices(input.currency, account?.currencies ?? []);
    if (!choices.includes(input.payoutCurrency)) throw new ActionError("settlement_payout_currency_not_accepted", { currency: input.currency });

    const before = await effectiveSchedule(ctx.tx, organizationId, input.currency, account?.currencies ?? []);
    const values = { ...scheduleFields(schedule), payoutCurrency: input.payoutCurrency, updatedBy: ctx.auth.user.id, updatedAt: new Date() };
    await ctx.tx
      .insert(settlementSchedules)
      .values({ organizationId, currency: input.currency, ...values })
      .onConflictDoUpdate({ target: [settlementSchedules.organizationId, settlementSchedules.currency], set: values });
    ctx.audit(`settlement-schedule:${input.currency}`, {
      currency: input.currency,
      from: { schedule: before.schedule, payoutCurrency: before.payoutCurrency },
      to: { schedule, payoutCurrency: input.payoutCurrency },
    });
    return { currency: input.currency };
  },
});
