/** How one bank's CSV export maps to statement transactions; column names are the header row's. */
export interface CsvMapping {
  /** Guessed by the CSV reader when absent. */
  delimiter?: string;
  dateFormat: "YYYY-MM-DD" | "DD.MM.YYYY" | "MM/DD/YYYY" | "YYYYMMDD";
  decimalSeparator: "." | ",";
  columns: {
    account?: string;
    currency?: string;
    /** Signed (negative = debit) unless a direction column says which way the money went. */
    amount: string;
    direction?: { column: string; creditValue: string; debitValue: string };
    bookingDate: string;
    valueDate?: string;
    bankRef: string;
    text?: string;
    party?: string;
    ref?: string;
  };
  /** For exports that leave the account or currency out (one file per account). */
  defaults?: { account?: string; currency?: string };
}

export const CSV_MAPPINGS: Readonly<Record<string, CsvMapping>> = {
  generic: {
    delimiter: ",",
    dateFormat: "YYYY-MM-DD",
    decimalSeparator: ".",
    columns: {
      account: "Account",
      currency: "Currency",
      amount: "Amount",
      bookingDate: "Booking Date",
      valueDate: "Value Date",
      bankRef: "Bank Reference",
      ref: "Reference",
      party: "Counterparty",
      text: "Description",
    },
  },
  "de-bank": {
    delimiter: ";",
    dateFormat: "DD.MM.YYYY",
    decimalSeparator: ",",
    columns: {
      account: "Auftragskonto",
      currency: "Währung",
      amount: "Betrag",
      direction: { column: "Soll/Haben", creditValue: "H", debitValue: "S" },
      bookingDate: "Buchungstag",
      valueDate: "Valutadatum",
      bankRef: "Bankreferenz",
      ref: "Kundenreferenz",
      party: "Auftraggeber/Empfänger",
      text: "Verwendungszweck",
    },
  },
  "us-bank": {
    delimiter: ",",
    dateFormat: "MM/DD/YYYY",
    decimalSeparator: ".",
    columns: {
      account: "Account Number",
      amount: "Amount",
      direction: { column: "Type", creditValue: "CREDIT", debitValue: "DEBIT" },
      bookingDate: "Posting Date",
      bankRef: "Reference Number",
      party: "Payer/Payee",
      text: "Description",
    },
    defaults: { currency: "USD" },
  },
};
