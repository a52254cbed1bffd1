import { computeRfReference } from "@/lib/domain/statements/rf-reference";

const PREFIX_LENGTH = 13;
const SEQUENCE_LENGTH = 6;

/**
 * The organization part of its RF references: the first 64 bits of its UUID in base 36 (13 characters), so that
 * two organizations' references differ even though each numbers its invoices from 1.
 */
export function rfOrganizationPrefix(organizationId: string): string {
  const hex = organizationId.replace(/-/g, "").slice(0, 16);
  if (!/^[0-9a-f]{16}$/i.test(hex)) throw new RangeError(`Not a UUID: ${organizationId}`);
  return BigInt(`0x${hex}`).toString(36).toUpperCase().padStart(PREFIX_LENGTH, "0");
}

/**
 * ISO 11649 creditor reference of an invoice: RF, check digits, then organization prefix (13) + the year's last two
 * digits + the invoice's sequence number (6): 21 characters of body, 25 in all. Unique per organization and invoice.
 */
export function invoiceRfReference(organizationId: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence >= 10 ** SEQUENCE_LENGTH) {
    throw new RangeError(`Sequence out of range for an RF reference: ${sequence}`);
  }
  const body = `${rfOrganizationPrefix(organizationId)}${String(year % 100).padStart(2, "0")}${String(sequence).padStart(SEQUENCE_LENGTH, "0")}`;
  return computeRfReference(body);
}
