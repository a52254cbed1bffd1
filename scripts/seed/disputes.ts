import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { buyers, cardPayments, disputeEvidence, disputes, disputeSavedReplies, incomingPayments, invoiceInstalments, invoices, sandboxCardChargebacks, sandboxCardIntents } from "@/db/schema";
import { agentEscalation, type DisputeCategory } from "@/lib/domain/disputes";
import { claimCase } from "@/lib/server/disputes/agents";
import { recordEvent, type CaseActor, type Dispute } from "@/lib/server/disputes/case";
import { openChargebackCase } from "@/lib/server/disputes/chargeback";
import { settleCase } from "@/lib/server/disputes/decide";
import { applyEscalation, applyRules } from "@/lib/server/disputes/escalation";
import { postMessage } from "@/lib/server/disputes/messages";
import { openCase } from "@/lib/server/disputes/open";
import { proposeCase } from "@/lib/server/disputes/proposal";
import { TINY_PDF, TINY_PNG } from "@/lib/server/kyb/samples";
import { chargebackEventFor, fileSandboxChargeback } from "@/lib/server/sandbox-card/chargebacks";
import { randomStorageKey, storage } from "@/lib/server/storage";
import type { FoundationSeed } from "./foundation";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Haiguang's dispute cases, told through the same server functions the app uses, each step at its own time. Every
 * case opens in L1 and the agent hands the quality and shipping claims to L2's specialists: a quality claim with a
 * proposal waiting for the buyer, a duplicate-payment query nobody answered for 30 hours (its
 * breach flagged, escalated to L2 automatically), a repeated buyer's short-shipment claim in L3 for the admin, a
 * payment the buyer says it sent, a chargeback from the card processor, and closed cases with their root causes for
 * the library and the statistics; also the agents' saved replies. Gulf Coast Hardware is left without a case (the
 * end-to-end journey opens one for it). Runs last: it holds money the other seeds put in available.
 */
export async function seedDisputes(tx: Transaction, foundation: FoundationSeed, now = new Date()): Promise<void> {
  const factoryId = foundation.factory.id;
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const finance: CaseActor = { kind: "factory", userId: foundation.userIds.finance };
  const owner: CaseActor = { kind: "factory", userId: foundation.userIds.owner };
  const agent: CaseActor = { kind: "agent", userId: foundation.userIds.agent };
  const admin: CaseActor = { kind: "agent", userId: foundation.userIds.admin };
  const buyer: CaseActor = { kind: "buyer", userId: null };

  const issued = await tx
    .select({ id: invoices.id, currency: invoices.currency, status: invoices.status, buyerId: invoices.buyerId, buyerName: buyers.name, totalMinor: invoices.totalMinor })
    .from(invoices)
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(and(eq(invoices.organizationId, factoryId), inArray(invoices.status, ["open", "partially_paid", "paid"])))
    .orderBy(desc(invoices.issueDate), desc(invoices.number));
  const invoicesOf = (buyerPrefix: string, statuses: readonly string[], count: number) => {
    const found = issued.filter((invoice) => invoice.buyerName.startsWith(buyerPrefix) && statuses.includes(invoice.status));
    if (found.length < count) throw new Error(`The demo seed expects ${count} ${statuses.join("/")} invoices of ${buyerPrefix}`);
    return found;
  };
  const [northwindPaid] = invoicesOf("Northwind", ["paid"], 1);
  const [rheinlandNew, rheinlandMiddle, rheinlandOld] = invoicesOf("Rheinland", ["paid"], 3);
  const [brightsideCard] = invoicesOf("Brightside", ["partially_paid"], 1);
  const osaka = invoicesOf("Osaka", ["open"], 2);
  const [northwindPayment] = await tx
    .select({ id: incomingPayments.id, buyerId: incomingPayments.buyerId, currency: incomingPayments.currency, amountMinor: incomingPayments.amountMinor })
    .from(incomingPayments)
    .innerJoin(buyers, eq(buyers.id, incomingPayments.buyerId))
    .where(and(eq(incomingPayments.organizationId, factoryId), eq(incomingPayments.matchStatus, "matched"), sql`${buyers.name} like 'Northwind%'`))
    .orderBy(asc(incomingPayments.amountMinor))
    .limit(1);
  if (!northwindPayment) throw new Error("The demo seed expects a matched payment from Northwind");
  const [card] = await tx
    .select()
    .from(cardPayments)
    .where(and(eq(cardPayments.invoiceId, brightsideCard!.id), eq(cardPayments.status, "succeeded"), isNotNull(cardPayments.clearedAt)));
  if (!card) throw new Error("The demo seed expects Brightside's cleared card payment");

  const open = async (input: {
    invoice?: { id: string; buyerId: string; currency: string };
    payment?: { id: string; buyerId: string | null; currency: string };
    paidByCard?: boolean;
    category: DisputeCategory;
    disputedMinor: bigint;
    description: string;
    buyerClaim: string;
    actor: CaseActor;
    at: Date;
  }): Promise<Dispute> => {
    const subject = input.invoice ?? input.payment!;
    const { dispute } = await openCase(tx, {
      organizationId: factoryId,
      category: input.category,
      buyerId: subject.buyerId!,
      invoiceId: input.invoice?.id ?? null,
      paymentId: input.payment?.id ?? null,
      paidByCard: input.paidByCard ?? false,
      currency: subject.currency,
      disputedMinor: input.disputedMinor,
      description: input.description,
      buyerClaim: input.buyerClaim,
      withBuyerLink: true,
      actor: input.actor,
      at: input.at,
    });
    return dispute;
  };
  const reload = async (dispute: Dispute) => (await tx.select().from(disputes).where(eq(disputes.id, dispute.id)))[0]!;
  const say = async (dispute: Dispute, actor: CaseActor, body: string, at: Date, waitFor?: "factory" | "buyer") =>
    (await postMessage(tx, await reload(dispute), actor, body, { at, waitFor })).dispute;
  const claim = async (dispute: Dispute, at: Date) => {
    await claimCase(tx, await reload(dispute), agent.userId!, at);
    return reload(dispute);
  };
  const toSpecialist = async (dispute: Dispute, at: Date) => {
    const checked = agentEscalation(dispute.tier, "L2", "Claim about the goods: for the L2 specialists.");
    if (!checked.ok) throw new Error(`The demo escalation was refused: ${checked.code}`);
    return applyEscalation(tx, await reload(dispute), checked.escalation, agent, at);
  };

  // Oldest first, so that the case numbers run with the dates. First the closed cases of the library and statistics.

  // A refund decided late: nobody answered within L1's 24 h and the L2 proposal level was missed too, so the timers
  // sent the case to L2, then to L3; the admin decided it.
  let refund = await open({
    invoice: brightsideCard!,
    paidByCard: true,
    category: "refund_request",
    disputedMinor: 150_000n,
    description: "Brightside asks for the packaging line billed twice on this invoice to be refunded to its card.",
    buyerClaim: "Line 3 (export cartons) appears twice; we paid it twice.",
    actor: finance,
    at: ago(40 * DAY),
  });
  refund = await claim(refund, ago(40 * DAY - 3 * HOUR));
  refund = await applyRules(tx, refund, ago(40 * DAY - 25 * HOUR));
  refund = await applyRules(tx, refund, ago(40 * DAY - 74 * HOUR));
  await settleCase(tx, refund, { outcome: "lost", note: "The packaging line was invoiced twice; GBP 1,500.00 refunded to the card.", rootCause: "documentation", actor: admin, decidedBy: admin.userId, locale: "en" }, ago(37 * DAY));

  let plating = await open({
    invoice: rheinlandOld!,
    category: "quality_claim",
    disputedMinor: 300_000n,
    description: "Rheinland found drill chucks that do not lock on 40 of 120 drills.",
    buyerClaim: "A third of the drills are unusable; we ask for EUR 3,000.00.",
    actor: finance,
    at: ago(25 * DAY),
  });
  plating = await claim(plating, ago(25 * DAY - 2 * HOUR));
  plating = await toSpecialist(plating, ago(25 * DAY - 2 * HOUR));
  await attachEvidence(tx, plating, buyer, "photo", "chuck-defect.png", TINY_PNG, ago(25 * DAY - 4 * HOUR));
  await proposeCase(tx, plating, { outcome: "partial", buyerShareMinor: 80_000n, note: "Replace-or-refund for the 40 faulty drills at unit price: EUR 800.00." }, agent, ago(24 * DAY));
  plating = await reload(plating);
  await recordEvent(tx, plating, { kind: "proposal_accepted", actor: buyer, at: ago(23 * DAY), fromStatus: "proposed", toStatus: "proposed", details: { outcome: "partial", note: null } });
  await settleCase(tx, plating, { outcome: "partial", buyerShareMinor: 80_000n, note: "EUR 800.00 refunded for 40 drills with faulty chucks.", rootCause: "quality", actor: agent, decidedBy: agent.userId, locale: "en" }, ago(23 * DAY - 2 * HOUR));

  // The buyer found its own bank had held the transfer, and withdrew.
  const withdrawn = await open({
    invoice: osaka[1]!,
    category: "payment_not_received",
    disputedMinor: osaka[1]!.totalMinor / 10n,
    description: "Osaka Kogu reported a transfer as missing.",
    buyerClaim: "We sent the payment; please confirm receipt.",
    actor: finance,
    at: ago(15 * DAY),
  });
  await settleCase(tx, withdrawn, { outcome: "withdrawn", note: "Our bank had not released the transfer; sorry for the trouble.", rootCause: "payment_error", actor: buyer, decidedBy: null, locale: "en" }, ago(15 * DAY - 5 * HOUR));

  let late = await open({
    invoice: rheinlandMiddle!,
    category: "late_delivery",
    disputedMinor: 200_000n,
    description: "Rheinland claims a late-delivery penalty: the vessel left Ningbo six days after the agreed date.",
    buyerClaim: "Contract clause 7 allows EUR 2,000.00 for a delay over five days.",
    actor: finance,
    at: ago(12 * DAY),
  });
  late = await claim(late, ago(12 * DAY - HOUR));
  late = await toSpecialist(late, ago(12 * DAY - HOUR));
  late = await say(late, agent, "The carrier's notice shows the sailing was cancelled by the line; the factory delivered to the port on time.", ago(12 * DAY - 3 * HOUR));
  await proposeCase(tx, late, { outcome: "won", note: "Delay caused by the carrier's blank sailing, not the factory." }, agent, ago(12 * DAY - 5 * HOUR));
  await settleCase(tx, await reload(late), { outcome: "won", note: "Blank sailing by the carrier; no penalty under clause 7.", rootCause: "logistics", actor: agent, decidedBy: agent.userId, locale: "en" }, ago(11 * DAY));

  // Rheinland's third case in 90 days: a repeated buyer, so the rules sent it straight to L3 for the admin.
  let shortShipment = await open({
    invoice: rheinlandNew!,
    category: "short_shipment",
    disputedMinor: 125_000n,
    description: "Rheinland counted 480 cordless drills instead of 500 at their Duisburg warehouse.",
    buyerClaim: "20 drills missing against the packing list; the container seal was intact.",
    actor: finance,
    at: ago(3 * DAY),
  });
  shortShipment = await claim(shortShipment, ago(3 * DAY - HOUR));
  shortShipment = await say(shortShipment, agent, "Could the factory send the loading tally sheet and the container photos?", ago(3 * DAY - 2 * HOUR), "factory");
  shortShipment = await say(shortShipment, finance, "装箱单与装柜照片已上传，500 台均已装柜。", ago(2 * DAY - 6 * HOUR));
  await attachEvidence(tx, shortShipment, finance, "bill_of_lading", "B-L COSU6120453.pdf", TINY_PDF, ago(2 * DAY - 6 * HOUR));

  // Nobody answered a duplicate-payment query for 30 hours: both L1 levels missed, escalated to L2 by the timers.
  const duplicate = await open({
    payment: northwindPayment,
    category: "duplicate_payment",
    disputedMinor: northwindPayment.amountMinor,
    description: "Northwind says this transfer duplicates one it sent the week before for the same invoice.",
    buyerClaim: "Our AP system released the payment twice. Please return the second transfer.",
    actor: owner,
    at: ago(30 * HOUR),
  });
  await applyRules(tx, duplicate, now);

  // A quality claim: the factory's inspection report, the buyer answered the agent, a partial refund is proposed.
  let quality = await open({
    invoice: northwindPaid!,
    category: "quality_claim",
    disputedMinor: 485_000n,
    description: "Northwind reports zinc plating flaking on 4,000 of the 20,000 hex bolts M8×40 in this shipment. 买家称部分螺栓镀锌层脱落。",
    buyerClaim: "About a fifth of the bolts show white rust and flaking plating on arrival. We ask for USD 4,850.00 back for the affected cartons.",
    actor: finance,
    at: ago(20 * HOUR),
  });
  await attachEvidence(tx, quality, finance, "inspection_report", "SGS pre-shipment inspection report.pdf", TINY_PDF, ago(20 * HOUR - 5 * 60_000));
  quality = await claim(quality, ago(19 * HOUR));
  quality = await toSpecialist(quality, ago(19 * HOUR));
  quality = await say(quality, agent, "Thank you for the report. Could you send photos of the affected cartons with their carton numbers?", ago(18 * HOUR), "buyer");
  quality = await say(quality, buyer, "Photos attached. Cartons 31–38 are affected; the others are fine.", ago(10 * HOUR));
  await attachEvidence(tx, quality, buyer, "photo", "cartons-31-38.png", TINY_PNG, ago(10 * HOUR - 2 * 60_000));
  quality = await say(quality, finance, "我们的出货检验报告显示镀层合格，但同意对 31–38 号箱部分退款。", ago(6 * HOUR));
  await proposeCase(tx, quality, { outcome: "partial", buyerShareMinor: 120_000n, note: "Refund the eight affected cartons (USD 1,200.00); the rest of the shipment passed inspection." }, agent, ago(2 * HOUR));

  // The buyer says it paid the deposit: nothing to hold, a trace of the payment.
  const [deposit] = await tx
    .select({ amountMinor: invoiceInstalments.amountMinor })
    .from(invoiceInstalments)
    .where(and(eq(invoiceInstalments.invoiceId, osaka[0]!.id), eq(invoiceInstalments.position, 1)));
  await open({
    invoice: osaka[0]!,
    category: "payment_not_received",
    disputedMinor: deposit!.amountMinor,
    description: "Osaka Kogu says it paid the 30 % deposit by transfer on Monday; nothing has arrived on the JPY account.",
    buyerClaim: "Deposit sent from MUFG, reference OK-2026-0412. Please check.",
    actor: finance,
    at: ago(2 * HOUR),
  });

  // A chargeback on Brightside's card payment: the processor's own books, then its event, as the webhook takes it.
  const filed = await fileSandboxChargeback(tx, { intentId: card.processorPaymentId, amountMinor: card.amountMinor / 3n, reason: "product_not_received" });
  if (!filed.ok) throw new Error(`The demo chargeback was refused: ${filed.reason}`);
  const [intent] = await tx.select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, card.processorPaymentId));
  const event = chargebackEventFor(filed.chargeback, intent!, now);
  await openChargebackCase(tx, card, { ...event, dispute: event.dispute! });
  await tx.update(sandboxCardChargebacks).set({ webhookDeliveredAt: now, webhookAttempts: 1 }).where(eq(sandboxCardChargebacks.id, filed.chargeback.id));

  await tx.insert(disputeSavedReplies).values([
    { title: "Ask for photos", body: "Thank you for your report. Please send photos of the affected goods with the carton numbers visible, so that we can assess the claim.", createdBy: agent.userId },
    { title: "Ask for the B/L and tally sheet", body: "Could the factory please upload the bill of lading and the loading tally sheet for this shipment?", createdBy: agent.userId },
    { title: "请提供检验报告", body: "您好，请上传该批货物的出货检验报告（如 SGS），以便我们核实质量争议。", createdBy: agent.userId },
  ]);
}

/** An evidence file stored through the storage adapter, as an upload would be. */
async function attachEvidence(tx: Transaction, dispute: Dispute, actor: CaseActor, kind: (typeof disputeEvidence.$inferInsert)["kind"], name: string, bytes: Uint8Array, at: Date) {
  const contentType = name.endsWith(".png") ? "image/png" : "application/pdf";
  const storageKey = randomStorageKey(`disputes/${dispute.organizationId}`);
  await storage().put(storageKey, bytes, contentType);
  const [evidence] = await tx
    .insert(disputeEvidence)
    .values({
      disputeId: dispute.id,
      organizationId: dispute.organizationId,
      kind,
      uploadedByKind: actor.kind,
      uploadedBy: actor.userId,
      storageKey,
      originalName: name,
      contentType,
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      at,
    })
    .returning({ id: disputeEvidence.id });
  await recordEvent(tx, dispute, { kind: "evidence", actor, at, details: { evidenceId: evidence!.id, kind, name } });
}
