import { z } from "zod";
import { ORGANIZATION_ACCOUNT_KINDS } from "@/lib/domain/ledger";
import { isCurrencyCode, parseAmount } from "@/lib/domain/money";
import type { AccountLineFilter } from "../ledger";
import { DEFAULT_TIME_ZONE, endOfLocalDate, startOfLocalDate } from "@/lib/domain/time/local-day";

/** The history filter as it travels in the URL: every field a string, empty meaning "any". */
export const historySearchSchema = z.object({
  currency: z.string().trim().toUpperCase().max(3).default("").refine((c) => c === "" || isCurrencyCode(c), "validation.choice"),
  account: z.enum(["", ...ORGANIZATION_ACCOUNT_KINDS]).default(""),
  type: z.string().trim().max(40).default(""),
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
  min: z.string().trim().max(40).default(""),
  max: z.string().trim().max(40).default(""),
  after: z.string().regex(/^\d{1,19}$/).or(z.literal("")).default(""),
});
export type HistorySearch = z.output<typeof historySearchSchema>;

export type HistoryFilterProblem = "amount_needs_currency" | "account_needs_currency" | "amount_invalid";

/** Turns the URL's strings into a ledger filter; amounts are parsed in the chosen currency, exactly; days are the organization's. */
export function toLineFilter(
  search: HistorySearch,
  timeZone = DEFAULT_TIME_ZONE,
): { filter: Omit<AccountLineFilter, "accountId"> & { accountKind?: (typeof ORGANIZATION_ACCOUNT_KINDS)[number] }; problem: HistoryFilterProblem | null } {
  const filter: ReturnType<typeof toLineFilter>["filter"] = {};
  let problem: HistoryFilterProblem | null = null;
  if (search.currency) filter.currency = search.currency;
  if (search.type) filter.type = search.type;
  if (search.from) filter.from = startOfLocalDate(search.from, timeZone);
  if (search.to) filter.to = endOfLocalDate(search.to, timeZone);
  if (search.account) {
    if (search.currency) filter.accountKind = search.account;
    else problem = "account_needs_currency";
  }
  for (const [bound, text] of [["minAmount", search.min], ["maxAmount", search.max]] as const) {
    if (!text) continue;
    if (!search.currency) {
      problem = "amount_needs_currency";
      continue;
    }
    const parsed = parseAmount(text, search.currency, { allowNegative: true, allowZero: true });
    if (parsed.ok) filter[bound] = parsed.amountMinor;
    else problem = "amount_invalid";
  }
  return { filter, problem };
}
