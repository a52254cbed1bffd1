import Decimal from "decimal.js";

/**
 * The invoices' own Decimal clone: quantities and unit prices are exact decimals and a line's product is rounded
 * once, half-up (half away from zero, the commercial rule), to the currency's minor units.
 */
export const InvoiceDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
export type InvoiceDecimal = InstanceType<typeof InvoiceDecimal>;
