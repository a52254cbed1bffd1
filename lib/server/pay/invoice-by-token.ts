import { and, asc, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { buyers, invoiceInstalments, invoices, organizations } from "@/db/schema";

/** The capability in a pay link: 32 random bytes, base64url (see invoices.pay_token). */
export const PAY_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface PayInstalment {
  id: string;
  position: number;
  label: string;
  /** Basis points of the total (3000 = 30 %). */
  shareBps: number;
  amountMinor: bigint;
  paidMinor: bigint;
  dueDate: string | null;
  dueRule: { anchor: "issue" | "bill_of_lading"; days: number };
  status: string;
  isOverdue: boolean;
}

/**
 * The one invoice a pay link opens, with only what the buyer may see: no other invoice, buyer or organization
 * data. Drafts have no link; an unknown token is null exactly like a draft's would be.
 */
export async function invoiceByPayToken(executor: Executor, token: string, options: { lock?: boolean } = {}) {
  if (!PAY_TOKEN.test(token)) return null;
  const query = executor
    .select({
      id: invoices.id,
      organizationId: invoices.organizationId,
      sellerName: organizations.name,
      buyerName: buyers.name,
      number: invoices.number,
      rfReference: invoices.rfReference,
      currency: invoices.currency,
      status: invoices.status,
      isOverdue: invoices.isOverdue,
      issueDate: invoices.issueDate,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.paidMinor,
    })
    .from(invoices)
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(and(eq(invoices.payToken, token), ne(invoices.status, "draft")));
  const [invoice] = options.lock ? await query.for("update", { of: invoices }) : await query;
  if (!invoice) return null;
  const instalments: PayInstalment[] = await executor
    .select({
      id: invoiceInstalments.id,
      position: invoiceInstalments.position,
      label: invoiceInstalments.label,
      shareBps: invoiceInstalments.shareBps,
      amountMinor: invoiceInstalments.amountMinor,
      paidMinor: invoiceInstalments.paidMinor,
      dueDate: invoiceInstalments.dueDate,
      dueRule: invoiceInstalments.dueRule,
      status: invoiceInstalments.status,
      isOverdue: invoiceInstalments.isOverdue,
    })
    .from(invoiceInstalments)
    .where(eq(invoiceInstalments.invoiceId, invoice.id))
    .orderBy(asc(invoiceInstalments.position));
  return { ...invoice, number: invoice.number!, rfReference: invoice.rfReference!, instalments };
}

export type PayInvoice = NonNullable<Awaited<ReturnType<typeof invoiceByPayToken>>>;

/** What the buyer is asked to pay now: the first instalment not fully paid. */
export function dueInstalment(invoice: Pick<PayInvoice, "status" | "instalments">): PayInstalment | null {
  if (invoice.status === "void" || invoice.status === "paid") return null;
  return invoice.instalments.find((instalment) => instalment.status !== "void" && instalment.paidMinor < instalment.amountMinor) ?? null;
}
