import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { buyers, invoiceInstalments, invoiceLines, invoices, kybApplications, organizations } from "@/db/schema";
import type { InvoicePdfCollectionAccount, InvoicePdfData } from "@/components/invoice-pdf/invoice-pdf-data";
import { isReceivingScheme, receivingDetailRows } from "@/lib/domain/banking";
import { appUrl } from "../auth/tokens";
import { collectionAccountFor } from "../collections/accounts";

export type InvoiceRow = typeof invoices.$inferSelect;

async function seller(executor: Executor, organizationId: string): Promise<InvoicePdfData["seller"]> {
  const [row] = await executor
    .select({ name: organizations.name, application: kybApplications })
    .from(organizations)
    .leftJoin(kybApplications, eq(kybApplications.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  const application = row?.application;
  const address = application?.company?.registeredAddress;
  return {
    nameEn: application?.legalNameEn || row?.name || "",
    nameZh: application?.legalNameZh ?? null,
    address: typeof address === "string" && address ? address : null,
    uscc: application?.uscc ?? null,
  };
}

/** The receiving details of the invoice currency, printed as the pay page shows them. */
async function collectionAccount(executor: Executor, organizationId: string, currency: string): Promise<InvoicePdfCollectionAccount | null> {
  const account = await collectionAccountFor(executor, organizationId, currency);
  if (!account || !isReceivingScheme(account.scheme)) return null;
  return {
    accountHolder: account.accountHolder,
    bankName: account.bankName,
    bankAddress: account.bankAddress,
    details: receivingDetailRows(account.scheme, account.details).map((row) => [row.field, row.display]),
  };
}

/** What the invoice PDF prints for `invoice`, read through `executor` (the action's transaction, or the seed's). */
export async function invoicePdfData(executor: Executor, invoice: InvoiceRow): Promise<InvoicePdfData> {
  const [buyerRows, lines, instalments, sellerData, account] = await Promise.all([
    executor.select().from(buyers).where(eq(buyers.id, invoice.buyerId)),
    executor.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(asc(invoiceLines.position)),
    executor.select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoice.id)).orderBy(asc(invoiceInstalments.position)),
    seller(executor, invoice.organizationId),
    collectionAccount(executor, invoice.organizationId, invoice.currency),
  ]);
  const buyer = buyerRows[0]!;
  return {
    watermark: invoice.status === "draft" ? "draft" : invoice.status === "void" ? "void" : null,
    seller: sellerData,
    buyer: {
      name: buyer.name,
      address: buyer.address,
      country: buyer.country,
      taxId: buyer.taxId,
      email: buyer.contacts[0]?.email ?? null,
    },
    number: invoice.number,
    issueDate: invoice.issueDate,
    currency: invoice.currency,
    lines: lines.map((line) => ({
      description: line.description,
      hsCode: line.hsCode,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      amountMinor: line.amountMinor,
    })),
    subtotalMinor: invoice.subtotalMinor,
    discountMinor: invoice.discountMinor,
    freightMinor: invoice.freightMinor,
    insuranceMinor: invoice.insuranceMinor,
    otherChargesMinor: invoice.otherChargesMinor,
    totalMinor: invoice.totalMinor,
    incoterm: invoice.incoterm,
    incotermPlace: invoice.incotermPlace,
    portOfLoading: invoice.portOfLoading,
    portOfDischarge: invoice.portOfDischarge,
    billOfLadingNumber: invoice.billOfLadingNumber,
    billOfLadingDate: invoice.billOfLadingDate,
    notes: invoice.notes,
    instalments: instalments
      .filter((instalment) => instalment.status !== "void")
      .map((instalment) => ({
        label: instalment.label,
        shareBps: instalment.shareBps,
        amountMinor: instalment.amountMinor,
        dueDate: instalment.dueDate,
        daysAfterBillOfLading: instalment.dueRule.anchor === "bill_of_lading" ? instalment.dueRule.days : null,
      })),
    collectionAccount: account,
    rfReference: invoice.rfReference,
    payUrl: invoice.payToken && invoice.status !== "void" ? appUrl(`/pay/${invoice.payToken}`) : null,
  };
}
