import { and, eq, gt, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { authTokens, type tokenPurpose } from "@/db/schema";
import { ActionError } from "../guard/action-error";
import { hashToken } from "./tokens";

/** Spends a link token once; an unknown, used or expired token is refused. */
export async function consumeToken(tx: Transaction, purpose: (typeof tokenPurpose.enumValues)[number], token: string) {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!row) throw new ActionError("link_invalid");
  return row;
}
