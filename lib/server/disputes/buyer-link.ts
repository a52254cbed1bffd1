import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor, Transaction } from "@/db/client";
import { disputes } from "@/db/schema";
import { isFinal } from "@/lib/domain/disputes";
import { appUrl } from "../auth/tokens";
import { now } from "../clock";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { lockOrganizationDispute, recordEvent, updateDispute, type Dispute } from "./case";

/** The capability in a buyer's link: 32 random bytes, base64url. Only its SHA-256 is stored. */
export const BUYER_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const buyerTokenInput = z.string().regex(BUYER_TOKEN, "validation.format");

export function newBuyerToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashBuyerToken(token) };
}

export function hashBuyerToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function buyerLinkUrl(token: string): string {
  return appUrl(`/dispute/${token}`);
}

/**
 * The one case a buyer's token opens, or null. The lookup is by the token's hash, and the stored hash is compared
 * again in constant time, so neither the query nor the comparison tells how much of a guess was right.
 */
export async function disputeByBuyerToken(executor: Executor, token: string, options: { lock?: boolean } = {}): Promise<Dispute | null> {
  if (!BUYER_TOKEN.test(token)) return null;
  const hash = hashBuyerToken(token);
  const query = executor.select().from(disputes).where(eq(disputes.buyerTokenHash, hash));
  const [dispute] = options.lock ? await query.for("update") : await query;
  if (!dispute?.buyerTokenHash) return null;
  const stored = Buffer.from(dispute.buyerTokenHash, "hex");
  const given = Buffer.from(hash, "hex");
  return stored.length === given.length && timingSafeEqual(stored, given) ? dispute : null;
}

/** The buyer's case, locked, for the buyer's actions; an unknown token answers not found. */
export async function lockBuyerDispute(tx: Transaction, token: string): Promise<Dispute> {
  const dispute = await disputeByBuyerToken(tx, token, { lock: true });
  if (!dispute) throw new ActionError("not_found");
  return dispute;
}

/** A new link for the buyer (the old one stops working): the factory sees a link once, when it is made. */
export const rotateBuyerLinkAction = defineAction({
  name: "disputes.rotateBuyerLink",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), disputeId: z.uuid() }),
  async handler(ctx, input) {
    const dispute = await lockOrganizationDispute(ctx.tx, ctx.organization.id, input.disputeId);
    if (isFinal(dispute.status)) throw new ActionError("dispute_case_final");
    if (dispute.category === "chargeback") throw new ActionError("dispute_chargeback_no_buyer_link");
    const at = await now(ctx.tx);
    const { token, hash } = newBuyerToken();
    await updateDispute(ctx.tx, dispute.id, { buyerTokenHash: hash }, at);
    await recordEvent(ctx.tx, dispute, { kind: "buyer_link_rotated", actor: { kind: "factory", userId: ctx.auth.user.id }, at });
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, buyerLink: "rotated" });
    return { buyerLinkUrl: buyerLinkUrl(token) };
  },
});
