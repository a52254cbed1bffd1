import { z } from "zod";
import { db } from "@/db/client";
import { type LoadedStatement, loadAccountStatement, type StatementOrganization, statementChoices, statementRequestProblem, type StatementRequestProblem } from "./load";

/** The statement page's URL: `?month=YYYY-MM&currency=USD`, each defaulted when absent. */
export const statementSearchSchema = z.object({
  month: z.string().trim().max(7).default(""),
  currency: z.string().trim().toUpperCase().max(3).default(""),
});

export interface StatementPage {
  months: string[];
  currencies: string[];
  month: string;
  currency: string | null;
  problem: StatementRequestProblem | null;
  loaded: LoadedStatement | null;
}

/**
 * What the statement page shows: the choices, the month and currency asked for (by default the last full month and
 * the organization's CNY, else its first currency), and that statement, or why it cannot be given.
 */
export async function statementPage(organization: StatementOrganization, search: z.output<typeof statementSearchSchema>, now = new Date()): Promise<StatementPage> {
  const choices = await statementChoices(organization, now);
  const month = search.month || choices.defaultMonth;
  const currency = search.currency || choices.defaultCurrency;
  const base = { months: choices.months, currencies: choices.currencies, month, currency };
  if (currency === null) return { ...base, problem: null, loaded: null };
  const problem = statementRequestProblem({ month, currency }, choices, organization, now);
  if (problem) return { ...base, problem, loaded: null };
  return { ...base, problem: null, loaded: await loadAccountStatement(db(), organization, { month, currency, now }) };
}
