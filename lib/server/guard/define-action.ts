import type { z } from "zod";
import type { Transaction } from "@/db/client";
import type { memberships, organizations } from "@/db/schema";
import type { AuthenticatedSession } from "../auth/session";
import type { Access } from "./access";
import type { RequestContext } from "./request-context";

export interface ActionContext {
  tx: Transaction;
  request: RequestContext;
  auth: AuthenticatedSession | null;
  organization: typeof organizations.$inferSelect | null;
  membership: typeof memberships.$inferSelect | null;
  /** Names what the action touched and what changed, for the audit record (and its organization, for user-level actions). */
  audit(target: string | null, summary?: Record<string, unknown>, organizationId?: string): void;
  /** Work that must only happen once the transaction has committed (waking a job worker, say). */
  afterCommit(work: () => Promise<void> | void): void;
  /** Work that must outlive a refusal, run once the transaction has rolled back (counting a wrong code, say). */
  afterRollback(work: () => Promise<void> | void): void;
}

export interface SignedInContext extends ActionContext {
  auth: AuthenticatedSession;
}
export interface OrgContext extends SignedInContext {
  organization: typeof organizations.$inferSelect;
  membership: typeof memberships.$inferSelect;
}

type ContextFor<A extends Access> = A extends { kind: "public" }
  ? ActionContext
  : A extends { kind: "org" }
    ? OrgContext
    : SignedInContext;

export interface ActionDefinition<S extends z.ZodType, A extends Access, R> {
  /** Stable name, used in the audit log: `area.verb`. */
  name: string;
  input: S;
  access: A;
  /** Moves money or takes a decision: needs 2FA enrolled and a second factor checked in the last 15 minutes. */
  stepUp?: boolean;
  /** Skip the audit record for reads that change nothing. */
  readOnly?: boolean;
  handler: (ctx: ContextFor<A>, input: z.output<S>) => Promise<R>;
}

export function defineAction<S extends z.ZodType, A extends Access, R>(
  definition: ActionDefinition<S, A, R>,
): ActionDefinition<S, A, R> {
  return definition;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActionDefinition = ActionDefinition<z.ZodType, Access, any>;
