import { z } from "zod";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import type { AccountLineFilter } from "../ledger";
import { historySearchSchema, toLineFilter } from "./history-filter";
import { organizationAccountId } from "./queries";

/**
 * Authorizes and audits a CSV export of the transaction history; the route then streams the lines
 * page by page, so an export of millions of lines never sits in memory.
 */
export const exportHistoryAction = defineAction({
  name: "balances.exportHistory",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  input: historySearchSchema.extend({ org: z.string() }),
  async handler(ctx, { org: _org, after: _after, ...search }) {
    const { filter, problem } = toLineFilter({ ...search, after: "" }, ctx.organization.timezone);
    if (problem) throw new ActionError(`history_${problem}`);
    const { accountKind, ...rest } = filter;
    let lineFilter: AccountLineFilter = rest;
    if (accountKind && rest.currency) {
      const accountId = await organizationAccountId(ctx.tx, ctx.organization.id, accountKind, rest.currency);
      if (!accountId) throw new ActionError("not_found");
      lineFilter = { ...rest, accountId };
    }
    ctx.audit(null, { filter: search });
    return { organizationId: ctx.organization.id, filter: lineFilter };
  },
});
