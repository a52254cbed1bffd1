import { randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { buyers, invoiceInstalments, invoiceLines, invoices } from "@/db/schema";
import { formatInvoiceNumber, invoiceRfReference } from "@/lib/domain/invoices";

let sequence = 0;

export interface SampleInvoiceOptions {
  status?: "draft" | "open" | "void";
  currency?: "USD" | "EUR";
}

/**
 * An invoice to a German buyer for tests of the PDF and the trade documents: 13,330.00 in two lines and freight, a
 * 30 % deposit and a 70 % balance 60 days after the B/L date. A draft has no number, RF reference or pay token.
 */
export async function insertSampleInvoice(organizationId: string, { status = "open", currency = "USD" }: SampleInvoiceOptions = {}) {
  const [buyer] = await db()
    .insert(buyers)
    .values({
      organizationId,
      name: `Rheinland Werkzeuge GmbH ${randomBytes(3).toString("hex")}`,
      country: "DE",
      contacts: [{ name: "Anna Keller", email: "ap@rheinland-werkzeuge.example" }],
      address: "Hafenstraße 12, 47119 Duisburg",
      taxId: "DE811234567",
      defaultCurrency: currency,
      defaultTerms: { kind: "deposit_balance", depositBps: 3000, depositDays: 0, balanceDays: 60, balanceAnchor: "bill_of_lading" },
    })
    .returning();
  sequence += 1;
  const issued = status !== "draft";
  const [invoice] = await db()
    .insert(invoices)
    .values({
      organizationId,
      buyerId: buyer!.id,
      number: issued ? formatInvoiceNumber(2026, sequence) : null,
      rfReference: issued ? invoiceRfReference(organizationId, 2026, sequence) : null,
      payToken: issued ? randomBytes(32).toString("base64url") : null,
      currency,
      status,
      issueDate: "2026-03-02",
      terms: { kind: "deposit_balance", depositBps: 3000, depositDays: 0, balanceDays: 60, balanceAnchor: "bill_of_lading" },
      incoterm: "FOB",
      incotermPlace: "Ningbo",
      portOfLoading: "Ningbo, CN (CNNGB)",
      portOfDischarge: "Hamburg, DE (DEHAM)",
      billOfLadingNumber: "MEDUNB123456",
      subtotalMinor: 1_248_000n,
      freightMinor: 85_000n,
      totalMinor: 1_333_000n,
      nextDueDate: issued ? "2026-03-02" : null,
      issuedAt: issued ? new Date() : null,
      voidedAt: status === "void" ? new Date() : null,
    })
    .returning();
  await db()
    .insert(invoiceLines)
    .values([
      { invoiceId: invoice!.id, position: 1, description: "Hex bolts M10×50, zinc plated 六角螺栓", hsCode: "7318.15", quantity: "120000", unit: "pcs", unitPrice: "0.0850", amountMinor: 1_020_000n },
      { invoiceId: invoice!.id, position: 2, description: "Flat washers M10", hsCode: "7318.22", quantity: "95000", unit: "pcs", unitPrice: "0.0240", amountMinor: 228_000n },
    ]);
  await db()
    .insert(invoiceInstalments)
    .values([
      { invoiceId: invoice!.id, organizationId, position: 1, label: "deposit", shareBps: 3000, amountMinor: 399_900n, dueRule: { anchor: "issue", days: 0 }, dueDate: "2026-03-02" },
      { invoiceId: invoice!.id, organizationId, position: 2, label: "balance", shareBps: 7000, amountMinor: 933_100n, dueRule: { anchor: "bill_of_lading", days: 60 }, dueDate: null },
    ]);
  return invoice!;
}
