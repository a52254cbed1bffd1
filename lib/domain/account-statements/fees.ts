import type { EntryFees, StatementFee, StatementPosting } from "./types";

/** A fee with no recorded breakdown (only the entry's fee_revenue line says what was taken). */
export const UNSPECIFIED_FEE = "other";

export interface PostingPart {
  kind: "movement" | "fee";
  amountMinor: bigint;
  fee: StatementFee | null;
}

/**
 * Which posting of each entry its fees come out of: the ledger nets a fee into the organization's line (a collection
 * credits `available` with the amount less the fee), so the statement shows that line gross and the fee beside it.
 * The `available` line when the entry has one, else its first line.
 */
export function feeCarriers(postings: readonly StatementPosting[]): Map<string, string> {
  const rank = (posting: StatementPosting) => (posting.accountKind === "available" ? 0 : 1);
  const carriers = new Map<string, StatementPosting>();
  for (const posting of postings) {
    const current = carriers.get(posting.entryId);
    const better =
      !current ||
      rank(posting) < rank(current) ||
      (rank(posting) === rank(current) && BigInt(posting.lineId) < BigInt(current.lineId));
    if (better) carriers.set(posting.entryId, posting);
  }
  return new Map([...carriers].map(([entryId, posting]) => [entryId, posting.lineId]));
}

function sumCharges(fees: EntryFees): bigint {
  return fees.charges.reduce((total, charge) => total + charge.amountMinor, 0n);
}

/**
 * The posting as statement lines: its gross movement, then one line per fee (a debit; a credit when a reversal gives
 * the fee back). The parts always add up to the posting's amount. Fees are itemized from their recorded charges
 * when those account for the whole fee_revenue line, else shown as one unspecified fee.
 */
export function splitPosting(posting: StatementPosting, fees: EntryFees | undefined, carriesFees: boolean): PostingPart[] {
  const revenue = carriesFees && fees ? fees.feeRevenueMinor : 0n;
  if (revenue === 0n) return [{ kind: "movement", amountMinor: posting.amountMinor, fee: null }];
  const refund = revenue < 0n;
  const magnitude = refund ? -revenue : revenue;
  const charges =
    fees!.charges.length > 0 && sumCharges(fees!) === magnitude
      ? fees!.charges
      : [{ type: UNSPECIFIED_FEE, basisMinor: null, rate: null, amountMinor: magnitude }];
  const parts: PostingPart[] = [];
  const gross = posting.amountMinor + revenue;
  if (gross !== 0n) parts.push({ kind: "movement", amountMinor: gross, fee: null });
  for (const charge of charges) {
    parts.push({ kind: "fee", amountMinor: refund ? charge.amountMinor : -charge.amountMinor, fee: { ...charge, refund } });
  }
  return parts;
}
