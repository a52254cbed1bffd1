import { findRfReference, isValidRfReference } from "../statements/rf-reference";
import { invoiceNumberKeysIn } from "./invoice-number";

export interface QuotedReferences {
  /** A valid ISO 11649 reference, electronic form: the structured reference first, else one in the texts. */
  rfReference: string | null;
  /** Invoice-number keys found in the reference and the remittance text. */
  invoiceNumberKeys: string[];
}

/** What an incoming payment quotes that can name an invoice. */
export function quotedReferences(payment: { reference?: string | null; remittanceText?: string | null }): QuotedReferences {
  const texts = [payment.reference, payment.remittanceText].filter((text): text is string => Boolean(text));
  let rfReference: string | null = null;
  if (payment.reference && isValidRfReference(payment.reference)) rfReference = payment.reference.replace(/\s+/g, "").toUpperCase();
  for (const text of texts) rfReference ??= findRfReference(text);
  const invoiceNumberKeys = [...new Set(texts.flatMap(invoiceNumberKeysIn))];
  return { rfReference, invoiceNumberKeys };
}
