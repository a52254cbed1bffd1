import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { cardPayments, organizations } from "@/db/schema";
import { appUrl } from "../auth/tokens";
import { consumeRateLimits } from "../auth/rate-limit";
import { cardProcessor } from "../card-processor";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { assertOrganizationApproved } from "../kyb";
import { dueInstalment, invoiceByPayToken, PAY_TOKEN } from "../pay/invoice-by-token";

const HOUR = 3_600_000;

/**
 * "Pay by card" on the pay page, for whoever holds the link: a card payment for what is due now (the first unpaid
 * instalment's outstanding amount) and a payment intent at the processor, whose hosted page the buyer is sent to.
 * Limited per link and per network address, since anyone may call it.
 */
export const startCardPaymentAction = defineAction({
  name: "pay.startCard",
  access: { kind: "public" },
  input: z.object({ token: z.string().regex(PAY_TOKEN) }),
  async handler(ctx, input) {
    const tokenHash = createHash("sha256").update(input.token).digest("hex");
    await consumeRateLimits(ctx.tx, [
      { key: `pay:link:${tokenHash}`, max: 20, windowMs: HOUR },
      ...(ctx.request.ip ? [{ key: `pay:ip:${ctx.request.ip}`, max: 60, windowMs: HOUR }] : []),
    ]);
    const invoice = await invoiceByPayToken(ctx.tx, input.token, { lock: true });
    if (!invoice) throw new ActionError("not_found");
    if (invoice.status === "void") throw new ActionError("pay_invoice_void");
    const due = dueInstalment(invoice);
    if (!due) throw new ActionError("pay_nothing_due");
    const [organization] = await ctx.tx.select().from(organizations).where(eq(organizations.id, invoice.organizationId));
    // An organization whose collections are locked takes no card money; the buyer is not told why.
    await assertOrganizationApproved({ tx: ctx.tx, organization: organization! }).catch(() => {
      throw new ActionError("pay_card_unavailable");
    });

    const amountMinor = due.amountMinor - due.paidMinor;
    const cardPaymentId = randomUUID();
    const processor = cardProcessor();
    const intent = await processor.createPaymentIntent({
      amountMinor,
      currency: invoice.currency,
      description: `${invoice.sellerName} · ${invoice.number}`,
      metadata: { cardPaymentId, invoiceNumber: invoice.number, instalment: due.label },
      returnUrl: appUrl(`/pay/${input.token}?card=${cardPaymentId}`),
    });
    await ctx.tx.insert(cardPayments).values({
      id: cardPaymentId,
      organizationId: invoice.organizationId,
      invoiceId: invoice.id,
      instalmentId: due.id,
      processor: processor.name,
      processorPaymentId: intent.id,
      currency: invoice.currency,
      amountMinor,
    });
    ctx.audit(`invoice:${invoice.id}`, { cardPaymentId, instalment: due.label, currency: invoice.currency, amountMinor: amountMinor.toString() }, invoice.organizationId);
    return { redirectUrl: intent.redirectUrl };
  },
});
