import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { buyerRefunds, buyers } from "@/db/schema";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import { isCurrencyCode, parseAmount, toDecimalString } from "@/lib/domain/money";
import { checkRefundAmount, MAX_TEXT_LENGTH, validateBeneficiary, type BeneficiaryErrorCode } from "@/lib/domain/refunds";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { postEntry } from "../ledger";
import { buyerRefundableCredit } from "./queries";

/** The `errors` catalog key each beneficiary refusal is shown with, under its field. */
const BENEFICIARY_MESSAGE: Record<Exclude<BeneficiaryErrorCode, "too_long">, string> = {
  required: "validation.required",
  iban_format: "validation.iban_format",
  iban_check: "validation.iban_check",
  account_format: "validation.format",
  bic_format: "validation.bic_format",
  bic_country: "validation.bic_country",
};

export const refundInput = z
  .object({
    org: z.string(),
    buyerId: z.uuid(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => code.length === 3 && isCurrencyCode(code), "validation.choice"),
    amount: z.string().trim().max(40),
    beneficiaryName: z.string().max(400),
    beneficiaryAccount: z.string().max(100),
    beneficiaryBank: z.string().max(400),
    reference: z.string().trim().max(MAX_TEXT_LENGTH).default(""),
  })
  .transform((input, ctx) => {
    const beneficiary = validateBeneficiary({ name: input.beneficiaryName, account: input.beneficiaryAccount, bank: input.beneficiaryBank });
    if (beneficiary.ok) return { ...input, beneficiary: beneficiary.value };
    for (const issue of beneficiary.issues) {
      if (issue.code === "too_long") {
        ctx.addIssue({ code: "too_big", origin: "string", maximum: MAX_TEXT_LENGTH, inclusive: true, path: [issue.field], input: input[issue.field] });
      } else ctx.addIssue({ code: "custom", path: [issue.field], message: BENEFICIARY_MESSAGE[issue.code] });
    }
    return z.NEVER;
  });

/**
 * Pays (part of) a buyer's credit back to them through the bank: one refund row and one ledger entry, the
 * organization's buyer_credit → the platform's payout_clearing (the sandbox bank sends at once). The buyer's row is
 * locked first, so refunds of one buyer run one at a time and together never exceed the credit; the ledger also
 * refuses to take buyer_credit below zero. Money leaves: owners and finance, with a fresh second factor.
 */
export const refundBuyerCreditAction = defineAction({
  name: "refunds.refundBuyerCredit",
  access: { kind: "org", roles: MONEY_ROLES },
  stepUp: true,
  input: refundInput,
  async handler(ctx, input) {
    const organizationId = ctx.organization.id;
    const amount = parseAmount(input.amount, input.currency);
    if (!amount.ok) throw new ActionError(`amount_${amount.error}`);
    const [buyer] = await ctx.tx
      .select({ id: buyers.id, name: buyers.name })
      .from(buyers)
      .where(and(eq(buyers.id, input.buyerId), eq(buyers.organizationId, organizationId)))
      .for("update");
    if (!buyer) throw new ActionError("refund_buyer_not_found");

    const credit = (await buyerRefundableCredit(organizationId, buyer.id, ctx.tx)).find((row) => row.currency === input.currency);
    const refundable = credit?.refundableMinor ?? 0n;
    const allowed = checkRefundAmount(amount.amountMinor, refundable);
    if (!allowed.ok) {
      throw new ActionError(allowed.error, { currency: input.currency, credit: toDecimalString(refundable > 0n ? refundable : 0n, input.currency) });
    }

    const refundId = randomUUID();
    const shown = `${input.currency} ${toDecimalString(amount.amountMinor, input.currency)}`;
    const { entryId } = await postEntry(ctx.tx, {
      organizationId,
      idempotencyKey: `buyer-refund:${refundId}`,
      type: "buyer_refund",
      description: describeEntry("buyerRefund", { amount: shown, buyer: buyer.name }),
      cause: { type: "buyer_refund", id: refundId },
      createdBy: ctx.auth.user.id,
      lines: [
        { account: { organizationId, kind: "buyer_credit", currency: input.currency }, amountMinor: -amount.amountMinor },
        { account: { organizationId: null, kind: "payout_clearing", currency: input.currency }, amountMinor: amount.amountMinor },
      ],
    });
    await ctx.tx.insert(buyerRefunds).values({
      id: refundId,
      organizationId,
      buyerId: buyer.id,
      currency: input.currency,
      amountMinor: amount.amountMinor,
      beneficiaryName: input.beneficiary.name,
      beneficiaryAccount: input.beneficiary.account,
      beneficiaryBank: input.beneficiary.bank,
      reference: input.reference || null,
      status: "sent",
      entryId,
      requestedBy: ctx.auth.user.id,
    });
    ctx.audit(`buyer_refund:${refundId}`, {
      buyerId: buyer.id,
      amount: shown,
      beneficiary: input.beneficiary.name,
      account: input.beneficiary.account,
      bank: input.beneficiary.bank,
      entryId,
    });
    return { refundId, entryId };
  },
});
