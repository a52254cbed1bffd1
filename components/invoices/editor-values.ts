import { termsToInput, DEFAULT_TERMS, type PaymentTerms } from "@/lib/domain/invoices";
import { toDecimalString } from "@/lib/domain/money";
import type { BuyerOption } from "@/lib/server/buyers/queries";
import type { InvoiceDetail } from "@/lib/server/invoices/detail";
import type { EditorBuyer, EditorValues } from "./invoice-editor";

export function editorBuyers(buyers: BuyerOption[]): EditorBuyer[] {
  return buyers.map((buyer) => ({ id: buyer.id, name: buyer.name, defaultCurrency: buyer.defaultCurrency, defaultTerms: termsToInput(buyer.defaultTerms ?? DEFAULT_TERMS) }));
}

/** A blank invoice, starting from the chosen buyer's defaults when there is one. */
export function newEditorValues(buyer: BuyerOption | undefined, today: string): EditorValues {
  return {
    buyerId: buyer?.id ?? "",
    currency: buyer?.defaultCurrency ?? "USD",
    issueDate: today,
    lines: [],
    adjustments: { discount: "", freight: "", insurance: "", otherCharges: "" },
    terms: termsToInput(buyer?.defaultTerms ?? DEFAULT_TERMS),
    incoterm: "FOB",
    incotermPlace: "",
    portOfLoading: "",
    portOfDischarge: "",
    billOfLadingNumber: "",
    billOfLadingDate: "",
    notes: "",
  };
}

/** A stored draft back into the editor's fields. */
export function draftEditorValues(detail: InvoiceDetail): EditorValues {
  const { invoice } = detail;
  const amount = (minor: bigint) => (minor === 0n ? "" : toDecimalString(minor, invoice.currency));
  return {
    buyerId: invoice.buyerId,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    lines: detail.lines.map((line) => ({ description: line.description, hsCode: line.hsCode ?? "", quantity: line.quantity, unit: line.unit, unitPrice: line.unitPrice })),
    adjustments: { discount: amount(invoice.discountMinor), freight: amount(invoice.freightMinor), insurance: amount(invoice.insuranceMinor), otherCharges: amount(invoice.otherChargesMinor) },
    terms: termsToInput((detail.terms as PaymentTerms | null) ?? DEFAULT_TERMS),
    incoterm: invoice.incoterm ?? "",
    incotermPlace: invoice.incotermPlace ?? "",
    portOfLoading: invoice.portOfLoading ?? "",
    portOfDischarge: invoice.portOfDischarge ?? "",
    billOfLadingNumber: invoice.billOfLadingNumber ?? "",
    billOfLadingDate: invoice.billOfLadingDate ?? "",
    notes: invoice.notes ?? "",
  };
}
