import { formatIban } from "@/lib/domain/kyb";
import { IBAN_NATIONAL_FIELDS, SCHEME_FIELDS, type DetailField, type ReceivingDetails, type ReceivingScheme } from "./schemes";

export interface DetailRow {
  field: DetailField;
  /** As printed: IBAN in groups of four, sort code 12-34-56, BSB 123-456. */
  display: string;
  /** As typed into a banking app: no spaces or dashes. */
  value: string;
}

function printed(field: DetailField, value: string): string {
  if (field === "iban") return formatIban(value);
  if (field === "sortCode" && /^\d{6}$/.test(value)) return value.replace(/^(\d{2})(\d{2})(\d{2})$/, "$1-$2-$3");
  if (field === "bsb" && /^\d{6}$/.test(value)) return value.replace(/^(\d{3})(\d{3})$/, "$1-$2");
  return value;
}

/** The fields to show for an account, in order: the scheme's fields, and beside an IBAN its national parts. */
export function receivingDetailRows(scheme: ReceivingScheme, details: ReceivingDetails): DetailRow[] {
  const fields: DetailField[] = [...SCHEME_FIELDS[scheme]];
  if (scheme === "iban" && details.iban) {
    const national = IBAN_NATIONAL_FIELDS[details.iban.slice(0, 2)] ?? [];
    fields.splice(1, 0, ...national);
  }
  return fields.flatMap((field) => {
    const value = details[field];
    return value ? [{ field, display: printed(field, value), value }] : [];
  });
}
