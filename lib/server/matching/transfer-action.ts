import { z } from "zod";
import { isCurrencyCode, parseAmount, toDecimalString } from "@/lib/domain/money";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { simulateIncomingTransfer } from "./sandbox-transfer";

/** Demo and tests only: a buyer's transfer arriving through the sandbox bank, matched like any statement line. */
export const simulateTransferAction = defineAction({
  name: "matching.simulateTransfer",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({
    org: z.string(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => code.length === 3 && isCurrencyCode(code), "validation.choice"),
    amount: z.string().trim().max(40),
    charges: z.string().trim().max(40).default(""),
    payerName: z.string().trim().max(140).default(""),
    remittanceText: z.string().trim().max(280).default(""),
  }),
  async handler(ctx, input) {
    const amount = parseAmount(input.amount, input.currency);
    if (!amount.ok) throw new ActionError(`amount_${amount.error}`, { field: "amount" });
    let chargesMinor = 0n;
    if (input.charges) {
      const charges = parseAmount(input.charges, input.currency, { allowZero: true });
      if (!charges.ok) throw new ActionError(`amount_${charges.error}`, { field: "charges" });
      chargesMinor = charges.amountMinor;
    }
    const { paymentId, outcome } = await simulateIncomingTransfer(ctx.tx, {
      organizationId: ctx.organization.id,
      currency: input.currency,
      amountMinor: amount.amountMinor,
      chargesMinor,
      payerName: input.payerName || null,
      remittanceText: input.remittanceText || null,
      timeZone: ctx.organization.timezone,
      createdBy: ctx.membership.userId,
    });
    ctx.audit(`incoming_payment:${paymentId}`, {
      sandbox: true,
      amount: `${input.currency} ${toDecimalString(amount.amountMinor, input.currency)}`,
      matched: outcome?.decision.kind ?? "none",
    });
    return { paymentId, matched: outcome?.decision.kind === "apply" };
  },
});
