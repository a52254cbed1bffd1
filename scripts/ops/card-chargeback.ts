import { eq, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { cardPayments } from "@/db/schema";
import { parseAmount, toDecimalString, type CurrencyCode } from "@/lib/domain/money";
import { CHARGEBACK_REASONS, deliverChargebackWebhook, fileSandboxChargeback, type ChargebackReason } from "@/lib/server/sandbox-card/chargebacks";
import { DELIVER_WEBHOOKS_JOB } from "@/lib/server/sandbox-card/webhooks";
import { WAKE_CHANNEL } from "@/lib/server/jobs/wake-channel";
import type { OpsCommand } from "./command";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const cardChargebackCommand: OpsCommand = {
  name: "card:chargeback",
  usage: "card:chargeback PAYMENT_ID [AMOUNT] [--reason=REASON]",
  summary: "Sandbox card processor: the issuer takes a succeeded card payment back (card payment id or pi_…); Quayside gets the signed charge.dispute.created webhook",
  needsDatabase: true,
  async run(args) {
    const reasonArg = args.find((arg) => arg.startsWith("--reason="))?.slice("--reason=".length) ?? "product_unacceptable";
    const [paymentId, amountText] = args.filter((arg) => !arg.startsWith("--"));
    if (!paymentId || !(CHARGEBACK_REASONS as readonly string[]).includes(reasonArg)) {
      console.error(`Usage: npm run ops -- card:chargeback PAYMENT_ID [AMOUNT] [--reason=${CHARGEBACK_REASONS.join("|")}]`);
      return 1;
    }
    const [payment] = await db()
      .select({ processorPaymentId: cardPayments.processorPaymentId, currency: cardPayments.currency })
      .from(cardPayments)
      .where(UUID.test(paymentId) ? or(eq(cardPayments.id, paymentId), eq(cardPayments.processorPaymentId, paymentId)) : eq(cardPayments.processorPaymentId, paymentId));
    if (!payment) {
      console.error(`No card payment ${paymentId}.`);
      return 1;
    }
    let amountMinor: bigint | undefined;
    if (amountText) {
      const parsed = parseAmount(amountText, payment.currency as CurrencyCode);
      if (!parsed.ok) {
        console.error(`Not an amount in ${payment.currency}: ${amountText}`);
        return 1;
      }
      amountMinor = parsed.amountMinor;
    }
    const filed = await fileSandboxChargeback(db(), { intentId: payment.processorPaymentId, amountMinor, reason: reasonArg as ChargebackReason });
    if (!filed.ok) {
      console.error(`Refused: ${filed.reason.replaceAll("_", " ")}.`);
      return 1;
    }
    const { chargeback } = filed;
    console.log(`Chargeback ${chargeback.id} filed: ${chargeback.currency} ${toDecimalString(chargeback.amountMinor, chargeback.currency as CurrencyCode)}, reason ${chargeback.reason}.`);
    // Told to Quayside at once when its app answers here; otherwise the app's worker delivers it (woken now).
    if (await deliverChargebackWebhook(chargeback.id)) console.log("Webhook charge.dispute.created delivered: Quayside opened a chargeback case.");
    else {
      await db().execute(sql`select pg_notify(${WAKE_CHANNEL}, ${DELIVER_WEBHOOKS_JOB})`);
      console.log("The app did not answer; its job worker will deliver the webhook.");
    }
    return 0;
  },
};
