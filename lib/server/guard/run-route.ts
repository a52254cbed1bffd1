import "server-only";
import type { z } from "zod";
import type { Access } from "./access";
import type { ActionDefinition } from "./define-action";
import { errorTranslator } from "../i18n/translator";
import { executeAction } from "./execute-action";
import { requestContextFromNext } from "./next-request";

const STATUS_BY_CODE: Record<string, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  step_up_required: 403,
  mfa_enrollment_required: 403,
  not_found: 404,
  internal_error: 500,
};

/** What every route handler calls: the same guard as server actions, then `respond` turns the data into a Response. */
export async function runRoute<S extends z.ZodType, A extends Access, R>(
  definition: ActionDefinition<S, A, R>,
  input: unknown,
  respond: (data: R) => Response,
): Promise<Response> {
  const result = await executeAction(definition, input, await requestContextFromNext());
  if (result.ok) return respond(result.data);
  return Response.json(
    { error: result.code, message: result.message, fieldErrors: result.fieldErrors },
    { status: STATUS_BY_CODE[result.code] ?? 422 },
  );
}

/** A refusal before the guard could run (the request itself is unacceptable), in the guard's response shape. */
export async function refuse(code: string, status: number): Promise<Response> {
  const t = await errorTranslator((await requestContextFromNext()).locale);
  return Response.json({ error: code, message: t(code) }, { status });
}
