import type { Transaction } from "@/db/client";
import type { EntryLine } from "@/lib/domain/ledger";
import { fromDecimalString, percentageOf } from "@/lib/domain/money";
import { postEntry, reverseEntry } from "@/lib/server/ledger";
import type { FoundationSeed } from "./foundation";

const BASE_FEE_PERCENT = "0.6";

type Movement = { kind: "available" | "pending" | "reserved"; amountMinor: bigint };

function orgLine(organizationId: string, currency: string, { kind, amountMinor }: Movement): EntryLine {
  return { account: { organizationId, kind, currency }, amountMinor };
}

function platformLine(kind: "bank_clearing" | "card_clearing" | "fee_revenue", currency: string, amountMinor: bigint): EntryLine {
  return { account: { organizationId: null, kind, currency }, amountMinor };
}

/** A buyer's payment arriving from a bank or the card processor, less the 0.6 % collection fee. */
async function collect(
  tx: Transaction,
  organizationId: string,
  key: string,
  { amount, currency, via, description }: { amount: string; currency: string; via: "bank" | "card"; description: string },
) {
  const gross = fromDecimalString(amount, currency);
  const fee = percentageOf(gross, BASE_FEE_PERCENT);
  const posted = await postEntry(tx, {
    organizationId,
    idempotencyKey: key,
    type: via === "bank" ? "collection" : "card_payment",
    description,
    cause: { type: "seed", id: key },
    lines: [
      platformLine(via === "bank" ? "bank_clearing" : "card_clearing", currency, -gross),
      orgLine(organizationId, currency, { kind: via === "bank" ? "available" : "pending", amountMinor: gross - fee }),
      platformLine("fee_revenue", currency, fee),
    ],
  });
  return { ...posted, netMinor: gross - fee };
}

async function move(tx: Transaction, organizationId: string, key: string, type: string, description: string, currency: string, amountMinor: bigint, from: Movement["kind"], to: Movement["kind"]) {
  return postEntry(tx, {
    organizationId,
    idempotencyKey: key,
    type,
    description,
    cause: { type: "seed", id: key },
    lines: [orgLine(organizationId, currency, { kind: from, amountMinor: -amountMinor }), orgLine(organizationId, currency, { kind: to, amountMinor })],
  });
}

export async function seedLedger(tx: Transaction, seed: FoundationSeed): Promise<void> {
  const factory = seed.factory.id;
  await collect(tx, factory, "seed-col-1", { amount: "18600.00", currency: "USD", via: "bank", description: "Harbor Freight Supply LLC · INV-2026-0031 deposit 30 %" });
  await collect(tx, factory, "seed-col-2", { amount: "43400.00", currency: "USD", via: "bank", description: "Harbor Freight Supply LLC · INV-2026-0031 balance 70 %" });
  await collect(tx, factory, "seed-col-3", { amount: "12750.50", currency: "EUR", via: "bank", description: "Werkzeug Müller GmbH · INV-2026-0034" });
  await collect(tx, factory, "seed-col-4", { amount: "6200.00", currency: "GBP", via: "bank", description: "Brightside Hardware Ltd · INV-2026-0036 deposit" });
  const card = await collect(tx, factory, "seed-card-1", { amount: "2480.00", currency: "USD", via: "card", description: "Card payment · Sunshine Home Depot Pty · INV-2026-0038" });
  await collect(tx, factory, "seed-card-2", { amount: "1315.75", currency: "USD", via: "card", description: "Card payment · Lakeview Tools Inc · INV-2026-0039" });
  await move(tx, factory, "seed-clear-1", "card_clearing", "Card funds cleared · INV-2026-0038", "USD", card.netMinor, "pending", "available");
  await move(tx, factory, "seed-hold-1", "dispute_hold", "Dispute D-2026-0004 · Brightside Hardware Ltd claims short shipment", "GBP", fromDecimalString("1200.00", "GBP"), "available", "reserved");
  const mistaken = await collect(tx, factory, "seed-col-5", { amount: "980.00", currency: "USD", via: "bank", description: "Unidentified transfer · ref 7781-22" });
  await reverseEntry(tx, {
    organizationId: factory,
    entryId: mistaken.entryId,
    idempotencyKey: "seed-rev-1",
    reason: "Returned to sender: not a payment for this factory",
  });
  await collect(tx, seed.otherFactory.id, "seed-other-col-1", { amount: "9800.00", currency: "GBP", via: "bank", description: "Northern Linen Co · LN-2026-112" });
}
