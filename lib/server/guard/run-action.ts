import "server-only";
import type { z } from "zod";
import type { Access } from "./access";
import type { ActionResult } from "./action-error";
import type { ActionDefinition } from "./define-action";
import { executeAction } from "./execute-action";
import { requestContextFromNext } from "./next-request";

/** What every exported server action calls: the guard, with the caller read from the Next.js request. */
export async function runAction<S extends z.ZodType, A extends Access, R>(
  definition: ActionDefinition<S, A, R>,
  input: unknown,
): Promise<ActionResult<R>> {
  return executeAction(definition, input, await requestContextFromNext());
}
