import { ORGANIZATION_ACCOUNT_KINDS } from "../ledger/accounts";
import { feeCarriers, splitPosting } from "./fees";
import type { AccountStatement, FeeTotal, StatementInput, StatementLine, StatementPosting, StatementSection } from "./types";

function byLineId(a: StatementPosting, b: StatementPosting): number {
  const x = BigInt(a.lineId);
  const y = BigInt(b.lineId);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The month's statement: one section per account the organization holds in the currency (`available` always; the
 * others when they had a balance or a movement), each from its opening balance through every posting, in posting
 * order, with fees as lines of their own, to its closing balance, checked against the ledger's balance at month end.
 */
export function buildAccountStatement(input: StatementInput): AccountStatement {
  const postings = [...input.postings].sort(byLineId);
  const held = new Set(input.accounts.map((account) => account.kind));
  const stray = postings.find((posting) => !held.has(posting.accountKind));
  if (stray) throw new Error(`Line ${stray.lineId} is on a ${stray.accountKind} account the statement was not given`);
  const carriers = feeCarriers(postings);
  const feeTotals = new Map<string, FeeTotal>();
  const sections: StatementSection[] = [];

  for (const kind of ORGANIZATION_ACCOUNT_KINDS) {
    const account = input.accounts.find((candidate) => candidate.kind === kind);
    if (!account) continue;
    const own = postings.filter((posting) => posting.accountKind === kind);
    let balance = account.openingMinor;
    let credits = 0n;
    let debits = 0n;
    let netFees = 0n;
    const lines: StatementLine[] = [];
    for (const posting of own) {
      for (const part of splitPosting(posting, input.fees.get(posting.entryId), carriers.get(posting.entryId) === posting.lineId)) {
        balance += part.amountMinor;
        if (part.amountMinor > 0n) credits += part.amountMinor;
        else debits -= part.amountMinor;
        if (part.fee) {
          netFees -= part.amountMinor;
          const total = feeTotals.get(part.fee.type) ?? { type: part.fee.type, amountMinor: 0n, count: 0 };
          total.amountMinor -= part.amountMinor;
          total.count += part.fee.refund ? 0 : 1;
          feeTotals.set(part.fee.type, total);
        }
        lines.push({
          kind: part.kind,
          lineId: posting.lineId,
          entryId: posting.entryId,
          postedAt: posting.postedAt,
          entryType: posting.entryType,
          description: posting.description,
          cause: posting.cause,
          reversesEntryId: posting.reversesEntryId,
          fee: part.fee,
          amountMinor: part.amountMinor,
          debitMinor: part.amountMinor < 0n ? -part.amountMinor : 0n,
          creditMinor: part.amountMinor > 0n ? part.amountMinor : 0n,
          balanceMinor: balance,
        });
      }
    }
    const idle = lines.length === 0 && account.openingMinor === 0n && account.ledgerClosingMinor === 0n;
    if (idle && kind !== "available") continue;
    sections.push({
      kind,
      openingMinor: account.openingMinor,
      lines,
      creditsMinor: credits,
      debitsMinor: debits,
      netFeesMinor: netFees,
      closingMinor: balance,
      ledgerClosingMinor: account.ledgerClosingMinor,
      reconciled: balance === account.ledgerClosingMinor,
    });
  }

  return {
    currency: input.currency,
    month: input.month,
    sections,
    feeTotals: [...feeTotals.values()].sort((a, b) => a.type.localeCompare(b.type)),
    reconciled: sections.every((section) => section.reconciled),
  };
}
