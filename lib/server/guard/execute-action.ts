import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { auditLog, memberships, organizations } from "@/db/schema";
import { hasFreshSecondFactor, loadSession, type AuthenticatedSession } from "../auth/session";
import { errorTranslator } from "../i18n/translator";
import type { Access } from "./access";
import { ActionError, type ActionResult } from "./action-error";
import type { ActionContext, ActionDefinition } from "./define-action";
import { translateIssues } from "./input-errors";
import { redactForAudit } from "./redact";
import type { RequestContext } from "./request-context";
import { userFacingCode } from "./user-facing-error";

/**
 * The one path every server action and route handler takes:
 * validate → authenticate → second factor → authorize → act in one transaction → audit → typed result.
 */
export async function executeAction<S extends z.ZodType, A extends Access, R>(
  definition: ActionDefinition<S, A, R>,
  rawInput: unknown,
  request: RequestContext,
): Promise<ActionResult<R>> {
  const t = await errorTranslator(request.locale);
  const parsed = definition.input.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, code: "invalid_input", message: t("invalid_input"), fieldErrors: translateIssues(parsed.error, t) };
  }
  const deferred: Array<() => Promise<void> | void> = [];
  const onRollback: Array<() => Promise<void> | void> = [];
  try {
    const data = await db().transaction(async (tx) => {
      const auth = await authenticate(tx, definition, request);
      const { organization, membership } = await authorize(tx, definition.access, auth, parsed.data);
      let audited: { target: string | null; summary: Record<string, unknown>; organizationId: string | null } = {
        target: null,
        summary: redactForAudit(parsed.data),
        organizationId: organization?.id ?? null,
      };
      const context: ActionContext = {
        tx,
        request,
        auth,
        organization,
        membership,
        audit: (target, summary, organizationId) => {
          audited = {
            target,
            summary: summary ?? audited.summary,
            organizationId: organization?.id ?? organizationId ?? null,
          };
        },
        afterCommit: (work) => void deferred.push(work),
        afterRollback: (work) => void onRollback.push(work),
      };
      const result = await definition.handler(context as never, parsed.data);
      if (!definition.readOnly) {
        await tx.insert(auditLog).values({
          actorUserId: auth?.user.id ?? null,
          organizationId: audited.organizationId,
          action: definition.name,
          target: audited.target,
          summary: audited.summary,
          ip: request.ip,
        });
      }
      return result;
    });
    await runDeferred(deferred);
    return { ok: true, data };
  } catch (error) {
    await runDeferred(onRollback);
    const known = error instanceof ActionError ? { code: error.code, params: error.params } : userFacingCode(error);
    if (known && t.has(known.code)) return { ok: false, code: known.code, message: t(known.code, known.params) };
    console.error(`action ${definition.name} failed`, error);
    return { ok: false, code: "internal_error", message: t("internal_error") };
  }
}

async function authenticate(
  tx: Transaction,
  definition: { access: Access; stepUp?: boolean },
  request: RequestContext,
): Promise<AuthenticatedSession | null> {
  const auth = request.sessionId ? await loadSession(tx, request.sessionId) : null;
  if (definition.access.kind === "public") return auth;
  if (!auth) throw new ActionError("unauthenticated");
  if (definition.stepUp) assertSteppedUp(auth);
  return auth;
}

/** 2FA enrolled and checked within the last 15 minutes; for actions whose need for it depends on their input. */
export function assertSteppedUp(auth: AuthenticatedSession): void {
  if (!auth.user.totpEnabledAt) throw new ActionError("mfa_enrollment_required");
  if (!hasFreshSecondFactor(auth.session)) throw new ActionError("step_up_required");
}

async function authorize(tx: Transaction, access: Access, auth: AuthenticatedSession | null, input: unknown) {
  const none = { organization: null, membership: null };
  if (access.kind === "public" || access.kind === "user") return none;
  if (!auth) throw new ActionError("unauthenticated");
  if (access.kind === "staff") {
    if (!auth.user.staffRole || !access.roles.includes(auth.user.staffRole)) throw new ActionError("forbidden");
    return none;
  }
  const slug = (input as { org?: unknown }).org;
  if (typeof slug !== "string") throw new Error("an organization action's input must carry `org`");
  const rows = await tx
    .select({ organization: organizations, membership: memberships })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, auth.user.id)))
    .where(eq(organizations.slug, slug))
    .limit(1);
  const found = rows[0];
  // Another organization's data answers exactly like data that does not exist.
  if (!found) throw new ActionError("not_found");
  if (!access.roles.includes(found.membership.role)) throw new ActionError("forbidden");
  return found;
}

async function runDeferred(work: Array<() => Promise<void> | void>): Promise<void> {
  for (const step of work) {
    try {
      await step();
    } catch (error) {
      console.error("deferred work failed", error);
    }
  }
}
