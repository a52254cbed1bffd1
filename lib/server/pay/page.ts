import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { cardPayments } from "@/db/schema";
import { collectionAccountFor } from "../collections/accounts";
import { dueInstalment, invoiceByPayToken, type PayInstalment } from "./invoice-by-token";

export interface PayBankAccount {
  accountHolder: string;
  bankName: string;
  bankAddress: string | null;
  scheme: string;
  details: Record<string, string>;
}

export interface PayCardNotice {
  status: "created" | "requires_action" | "succeeded" | "declined" | "failed";
  declineCode: string | null;
}

export interface PayPageView {
  state: "payable" | "paid" | "void";
  sellerName: string;
  buyerName: string;
  number: string;
  rfReference: string;
  currency: string;
  issueDate: string;
  isOverdue: boolean;
  totalMinor: bigint;
  paidMinor: bigint;
  instalments: PayInstalment[];
  dueNow: PayInstalment | null;
  bankAccount: PayBankAccount | null;
  /** The card payment the buyer just came back from (`?card=`), when it is this invoice's. */
  cardPayment: PayCardNotice | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything the public pay page shows, for one pay link; null for an unknown link or a draft. */
export async function payPageView(token: string, cardPaymentId?: string | null): Promise<PayPageView | null> {
  const invoice = await invoiceByPayToken(db(), token);
  if (!invoice) return null;
  const [account, cardPayment] = await Promise.all([
    collectionAccountFor(db(), invoice.organizationId, invoice.currency),
    cardPaymentId && UUID.test(cardPaymentId)
      ? db()
          .select({ status: cardPayments.status, declineCode: cardPayments.declineCode })
          .from(cardPayments)
          .where(and(eq(cardPayments.id, cardPaymentId), eq(cardPayments.invoiceId, invoice.id)))
          .then((rows) => rows[0] ?? null)
      : null,
  ]);
  return {
    state: invoice.status === "void" ? "void" : invoice.status === "paid" ? "paid" : "payable",
    sellerName: invoice.sellerName,
    buyerName: invoice.buyerName,
    number: invoice.number,
    rfReference: invoice.rfReference,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    isOverdue: invoice.isOverdue,
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    instalments: invoice.instalments,
    dueNow: dueInstalment(invoice),
    bankAccount: account
      ? { accountHolder: account.accountHolder, bankName: account.bankName, bankAddress: account.bankAddress, scheme: account.scheme, details: account.details }
      : null,
    cardPayment,
  };
}
