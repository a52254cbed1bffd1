import { db, type Executor } from "@/db/client";
import {
  type AccountStatement,
  buildAccountStatement,
  isStatementMonth,
  lastFullMonth,
  monthBounds,
  monthOf,
  monthsBack,
  type StatementCause,
  type StatementMonth,
  type StatementReference,
} from "@/lib/domain/account-statements";
import type { CurrencyCode } from "@/lib/domain/money";
import { statementEntryFees } from "./fees";
import { statementCurrencies, statementLedger } from "./ledger";
import { statementReferences } from "./references";

export interface StatementOrganization {
  id: string;
  slug: string;
  timezone: string;
  createdAt: Date;
}

export interface LoadedStatement {
  statement: AccountStatement;
  references: Map<string, StatementReference>;
  timeZone: string;
  /** The period's edges; `end` is exclusive. */
  start: Date;
  end: Date;
  /** The month is still running: the statement runs to now. */
  toDate: boolean;
}

/** The months a statement can be asked for (newest first, from the organization's first month or the last full one) and the currencies it holds. */
export async function statementChoices(organization: StatementOrganization, now = new Date(), executor: Executor = db()) {
  const current = monthOf(now, organization.timezone);
  const lastFull = lastFullMonth(now, organization.timezone);
  const first = monthOf(organization.createdAt, organization.timezone);
  const currencies = await statementCurrencies(executor, organization.id);
  return {
    months: monthsBack(current, first < lastFull ? first : lastFull, 120),
    defaultMonth: lastFull,
    currencies,
    defaultCurrency: currencies.includes("CNY") ? "CNY" : (currencies[0] ?? null),
  };
}

export type StatementRequestProblem = "statement_month_invalid" | "statement_currency_not_held";

/** Why a statement cannot be given for (month, currency): a month not yet begun, or a currency never held. */
export function statementRequestProblem(
  request: { month: string; currency: string },
  choices: { currencies: readonly string[] },
  organization: { timezone: string },
  now = new Date(),
): StatementRequestProblem | null {
  if (!isStatementMonth(request.month) || request.month > monthOf(now, organization.timezone)) return "statement_month_invalid";
  if (!choices.currencies.includes(request.currency)) return "statement_currency_not_held";
  return null;
}

/** The organization's statement of `currency` for `month` on its own clock, with its lines' references. */
export async function loadAccountStatement(
  executor: Executor,
  organization: Pick<StatementOrganization, "id" | "slug" | "timezone">,
  { month, currency, now = new Date() }: { month: StatementMonth; currency: CurrencyCode; now?: Date },
): Promise<LoadedStatement> {
  const { start, end } = monthBounds(month, organization.timezone);
  const ledger = await statementLedger(executor, { organizationId: organization.id, currency, start, end });
  const fees = await statementEntryFees(executor, { organizationId: organization.id, currency, postings: ledger.postings, feeRevenue: ledger.feeRevenue });
  const statement = buildAccountStatement({ currency, month, accounts: ledger.accounts, postings: ledger.postings, fees });
  if (!statement.reconciled) {
    // Opening plus the lines read must equal the ledger's own balance; a difference is a bug to look at, not to hide.
    console.error(`account statement ${organization.id} ${currency} ${month} does not reconcile`, statement.sections.map((s) => [s.kind, s.closingMinor, s.ledgerClosingMinor]));
  }
  const causes = statement.sections.flatMap((section) => section.lines.map((line) => line.cause)).filter((cause): cause is StatementCause => cause !== null);
  const references = await statementReferences(executor, organization, causes);
  return { statement, references, timeZone: organization.timezone, start, end, toDate: end > now };
}
