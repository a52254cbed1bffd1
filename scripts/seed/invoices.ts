import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoiceInstalments, invoices, organizations } from "@/db/schema";
import { addDays, validateDraft, type DraftInput, type LineInput, type PaymentTerms, type TermsInput } from "@/lib/domain/invoices";
import { localDateOf, startOfLocalDate } from "@/lib/domain/time/local-day";
import { createBuyer } from "@/lib/server/buyers/buyers";
import { createDraft } from "@/lib/server/invoices/drafts";
import { refreshInstalmentDates } from "@/lib/server/invoices/instalment-dates";
import { issueInvoice } from "@/lib/server/invoices/issue";
import type { FoundationSeed } from "./foundation";

export interface SeededInvoice {
  id: string;
  organizationId: string;
  number: string | null;
  rfReference: string | null;
  status: "draft" | "open";
  currency: string;
  totalMinor: bigint;
  buyerId: string;
  buyerName: string;
  issueDate: string;
  instalments: { id: string; label: string; amountMinor: bigint; dueDate: string | null }[];
}

export interface InvoiceSeed {
  /** Haiguang's invoices, oldest first. */
  haiguang: SeededInvoice[];
  /** Lingnan's drafts (its KYB is not approved, so it cannot issue), for isolation checks. */
  lingnan: SeededInvoice[];
}

const deposit = (percent: number, balanceDays: number): PaymentTerms => ({ kind: "deposit_balance", depositBps: percent * 100, depositDays: 0, balanceDays, balanceAnchor: "bill_of_lading" });

interface BuyerPlan {
  name: string;
  country: string;
  currency: string;
  /** Rough units of the currency per USD, to price the same goods in it. */
  perUsd: number;
  terms: PaymentTerms;
  contact: { name: string; email: string };
  address: string;
  taxId: string;
  port: string;
  incoterm: "FOB" | "CIF" | "CFR" | "DAP";
}

const HAIGUANG_BUYERS: BuyerPlan[] = [
  { name: "Brightside Hardware Ltd", country: "GB", currency: "GBP", perUsd: 0.79, terms: deposit(30, 60), contact: { name: "Olivia Hart", email: "accounts@brightside-hardware.example" }, address: "Unit 4, Dock Road Industrial Estate\nFelixstowe IP11 3SY\nUnited Kingdom", taxId: "GB 284 5521 09", port: "Felixstowe", incoterm: "FOB" },
  { name: "Northwind Tools Inc", country: "US", currency: "USD", perUsd: 1, terms: { kind: "single", days: 60, anchor: "issue" }, contact: { name: "Dana Ortiz", email: "ap@northwind-tools.example" }, address: "400 Harbor Blvd\nLong Beach, CA 90802\nUSA", taxId: "94-3158820", port: "Los Angeles", incoterm: "FOB" },
  { name: "Rheinland Werkzeug GmbH", country: "DE", currency: "EUR", perUsd: 0.92, terms: deposit(30, 45), contact: { name: "Jonas Becker", email: "buchhaltung@rheinland-werkzeug.example" }, address: "Hafenstraße 21\n20457 Hamburg\nDeutschland", taxId: "DE 811 907 334", port: "Hamburg", incoterm: "CIF" },
  { name: "Osaka Kogu KK", country: "JP", currency: "JPY", perUsd: 150, terms: { kind: "single", days: 30, anchor: "bill_of_lading" }, contact: { name: "Sato Haruki", email: "keiri@osaka-kogu.example" }, address: "2-5-8 Chikko, Minato-ku\nOsaka 552-0021\nJapan", taxId: "T8120001123456", port: "Osaka", incoterm: "CFR" },
  { name: "Harbour DIY Pty Ltd", country: "AU", currency: "AUD", perUsd: 1.52, terms: deposit(20, 60), contact: { name: "Mia Nguyen", email: "payables@harbourdiy.example" }, address: "88 Lorimer Street\nPort Melbourne VIC 3207\nAustralia", taxId: "ABN 51 824 753 556", port: "Melbourne", incoterm: "FOB" },
  { name: "Maple Fasteners Inc", country: "CA", currency: "CAD", perUsd: 1.37, terms: { kind: "single", days: 60, anchor: "issue" }, contact: { name: "Liam Tremblay", email: "ap@maplefasteners.example" }, address: "1200 Commissioner St\nVancouver, BC V5L 1A4\nCanada", taxId: "BN 81234 5678 RT0001", port: "Vancouver", incoterm: "FOB" },
  { name: "Gulf Coast Hardware LLC", country: "US", currency: "USD", perUsd: 1, terms: deposit(30, 60), contact: { name: "Marcus Reed", email: "payables@gulfcoasthardware.example" }, address: "7301 Harrisburg Blvd\nHouston, TX 77011\nUSA", taxId: "76-0481922", port: "Houston", incoterm: "FOB" },
  { name: "Lion City Supply Pte Ltd", country: "SG", currency: "SGD", perUsd: 1.34, terms: { kind: "single", days: 90, anchor: "issue" }, contact: { name: "Tan Wei Ling", email: "finance@lioncitysupply.example" }, address: "21 Pandan Road\nSingapore 609273", taxId: "UEN 201912345K", port: "Singapore", incoterm: "DAP" },
];

/** Goods a Ningbo hardware exporter ships: description, HS code, unit, unit price in USD. */
const GOODS: [string, string, string, number][] = [
  ["Hex bolts M8×40, grade 8.8, zinc plated", "7318.15.00", "pcs", 0.0425],
  ["Self-tapping screws ST4.2×19, stainless", "7318.14.00", "pcs", 0.0125],
  ["Cordless drill 18V Li-ion, 2 batteries", "8467.21.00", "sets", 38.5],
  ["Angle grinder 115 mm, 750 W", "8467.29.00", "pcs", 17.8],
  ["Combination pliers 200 mm, CrV", "8203.20.00", "pcs", 2.35],
  ["Open-end spanner set 8–24 mm, 8 pcs", "8204.11.00", "sets", 6.9],
  ["Hand saw 500 mm, hardened teeth", "8202.10.00", "pcs", 3.15],
  ["Brass padlock 40 mm, 3 keys", "8301.10.00", "pcs", 2.05],
  ["Stainless door hinges 100×75 mm", "8302.10.00", "pairs", 1.42],
  ["Screwdriver set 32 pcs with case", "8205.40.00", "sets", 4.75],
];

const QUANTITIES = [48_000, 120_000, 400, 900, 6_000, 1_500, 2_400, 5_000, 8_000, 1_800];

function price(usd: number, plan: BuyerPlan): string {
  const decimals = plan.currency === "JPY" ? 1 : 4;
  return (usd * plan.perUsd).toFixed(decimals);
}

/** A charge or discount in the buyer's currency, in whole minor units. */
function charge(usd: number, plan: BuyerPlan): string {
  return (usd * plan.perUsd).toFixed(plan.currency === "JPY" ? 0 : 2);
}

function linesFor(index: number, plan: BuyerPlan): LineInput[] {
  const count = 1 + (index % 3);
  return Array.from({ length: count }, (_, k) => {
    const g = (index * 3 + k * 4) % GOODS.length;
    const [description, hsCode, unit, usd] = GOODS[g]!;
    const scale = 1 + ((index + k) % 4) * 0.25;
    return { description, hsCode, unit, quantity: String(Math.round(QUANTITIES[g]! * scale)), unitPrice: price(usd, plan) };
  });
}

function termsInput(terms: PaymentTerms): TermsInput {
  return terms.kind === "deposit_balance"
    ? { kind: "deposit_balance", depositPercent: String(terms.depositBps / 100), depositDays: String(terms.depositDays), balanceDays: String(terms.balanceDays), balanceAnchor: terms.balanceAnchor }
    : { kind: "single", days: String(terms.kind === "single" ? terms.days : 60), anchor: terms.kind === "single" ? terms.anchor : "issue" };
}

async function loaded(tx: Transaction, invoiceId: string, buyerName: string): Promise<SeededInvoice> {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  const instalments = await tx.select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoiceId)).orderBy(invoiceInstalments.position);
  return {
    id: invoice!.id,
    organizationId: invoice!.organizationId,
    number: invoice!.number,
    rfReference: invoice!.rfReference,
    status: invoice!.status === "draft" ? "draft" : "open",
    currency: invoice!.currency,
    totalMinor: invoice!.totalMinor,
    buyerId: invoice!.buyerId,
    buyerName,
    issueDate: invoice!.issueDate,
    instalments: instalments.map((i) => ({ id: i.id, label: i.label, amountMinor: i.amountMinor, dueDate: i.dueDate })),
  };
}

function draftOf(input: DraftInput) {
  const result = validateDraft(input);
  if (!result.ok) throw new Error(`seed invoice is invalid: ${JSON.stringify(result.issues)}`);
  return result.draft;
}

const INVOICE_COUNT = 25;
const DRAFTS = 3;

/**
 * Haiguang's buyers and about 25 invoices over the last six months through the app's own functions (drafts, then
 * issued in date order so numbers follow dates; B/L dates for what has shipped; overdue flags as of today), and a
 * few drafts for Lingnan. Payments are the payments seed's; unpaid invoices past their due dates show as overdue.
 */
export async function seedInvoices(tx: Transaction, seed: FoundationSeed): Promise<InvoiceSeed> {
  const [factory] = await tx.select().from(organizations).where(eq(organizations.id, seed.factory.id));
  const timeZone = factory!.timezone;
  const today = localDateOf(new Date(), timeZone);
  const haiguangActor = { organizationId: factory!.id, userId: seed.userIds.finance };

  const buyers = [];
  for (const plan of HAIGUANG_BUYERS) {
    const buyer = await createBuyer(tx, haiguangActor, {
      name: plan.name,
      country: plan.country,
      contacts: [plan.contact],
      address: plan.address,
      taxId: plan.taxId,
      defaultCurrency: plan.currency,
      defaultTerms: plan.terms,
    });
    buyers.push({ plan, buyer });
  }

  const haiguang: SeededInvoice[] = [];
  for (let index = 0; index < INVOICE_COUNT; index++) {
    const { plan, buyer } = buyers[index % buyers.length]!;
    const issueDate = addDays(today, -178 + index * 7);
    const shipped = addDays(issueDate, 18 + (index % 3) * 4);
    const billOfLadingDate = shipped <= addDays(today, -2) ? shipped : "";
    const isDraft = index >= INVOICE_COUNT - DRAFTS;
    const draft = draftOf({
      buyerId: buyer.id,
      currency: plan.currency,
      issueDate,
      lines: linesFor(index, plan),
      freight: plan.incoterm === "CIF" || plan.incoterm === "CFR" || plan.incoterm === "DAP" ? charge(1850 + (index % 4) * 300, plan) : "",
      insurance: plan.incoterm === "CIF" ? charge(96, plan) : "",
      discount: index % 5 === 4 ? charge(250, plan) : "",
      terms: termsInput(plan.terms),
      incoterm: plan.incoterm,
      incotermPlace: plan.incoterm === "FOB" ? (index % 2 ? "Shanghai" : "Ningbo") : plan.port,
      portOfLoading: index % 2 ? "Shanghai" : "Ningbo",
      portOfDischarge: plan.port,
      billOfLadingNumber: billOfLadingDate ? `${index % 2 ? "COSU" : "MEDU"}${String(6_203_118 + index * 7_919).padStart(8, "0")}` : "",
      billOfLadingDate: isDraft ? "" : billOfLadingDate,
      notes: index % 4 === 0 ? "Packed in export cartons on pallets; shipping marks as per PO." : "",
    });
    const created = await createDraft(tx, haiguangActor, draft);
    if (!isDraft) {
      await issueInvoice(tx, { organization: factory!, userId: seed.userIds.finance }, created.id);
      await tx
        .update(invoices)
        .set({ issuedAt: new Date(startOfLocalDate(issueDate, timeZone).getTime() + 10 * 3_600_000) })
        .where(eq(invoices.id, created.id));
      await refreshInstalmentDates(tx, { id: created.id, issueDate, billOfLadingDate: draft.billOfLadingDate }, today);
    }
    haiguang.push(await loaded(tx, created.id, plan.name));
  }

  const lingnanActor = { organizationId: seed.otherFactory.id, userId: seed.userIds.otherOwner };
  const lingnanBuyers = [
    await createBuyer(tx, lingnanActor, { name: "Camden Textiles Ltd", country: "GB", contacts: [{ email: "accounts@camden-textiles.example" }], address: "3 Regent's Wharf, London N1 9RL", taxId: null, defaultCurrency: "GBP", defaultTerms: deposit(30, 60) }),
    await createBuyer(tx, lingnanActor, { name: "Pacific Apparel Co", country: "US", contacts: [{ email: "ap@pacific-apparel.example" }], address: "1500 S Alameda St, Los Angeles, CA 90021", taxId: null, defaultCurrency: "USD", defaultTerms: { kind: "single", days: 60, anchor: "issue" } }),
  ];
  const lingnan: SeededInvoice[] = [];
  for (const [index, buyer] of lingnanBuyers.entries()) {
    const draft = draftOf({
      buyerId: buyer.id,
      currency: buyer.defaultCurrency,
      issueDate: addDays(today, -5 + index),
      lines: [
        { description: "Cotton poplin shirting 40s, 145 cm", hsCode: "5208.21.00", quantity: "12500", unit: "m", unitPrice: buyer.defaultCurrency === "GBP" ? "1.62" : "2.05" },
        { description: "Polyester-cotton twill 65/35, dyed", hsCode: "5513.21.00", quantity: "8000.5", unit: "m", unitPrice: buyer.defaultCurrency === "GBP" ? "1.18" : "1.49" },
      ],
      terms: termsInput(buyer.defaultTerms as PaymentTerms),
      incoterm: "FOB",
      incotermPlace: "Guangzhou",
      portOfLoading: "Guangzhou (Nansha)",
      portOfDischarge: buyer.country === "GB" ? "Felixstowe" : "Los Angeles",
    });
    const created = await createDraft(tx, lingnanActor, draft);
    lingnan.push(await loaded(tx, created.id, buyer.name));
  }
  return { haiguang, lingnan };
}
