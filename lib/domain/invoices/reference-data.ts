/** Incoterms 2020, in the ICC's order (any mode of transport first, then sea and inland waterway). */
export const INCOTERMS = ["EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FOB", "CFR", "CIF"] as const;
export type Incoterm = (typeof INCOTERMS)[number];

export function isIncoterm(value: string): value is Incoterm {
  return (INCOTERMS as readonly string[]).includes(value);
}

/** The currencies an invoice may be issued in. */
export const INVOICE_CURRENCIES = ["USD", "EUR", "GBP", "JPY", "AUD", "CAD", "HKD", "SGD", "CNY"] as const;
export type InvoiceCurrency = (typeof INVOICE_CURRENCIES)[number];

export function isInvoiceCurrency(value: string): value is InvoiceCurrency {
  return (INVOICE_CURRENCIES as readonly string[]).includes(value);
}
