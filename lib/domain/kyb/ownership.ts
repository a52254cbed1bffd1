/** Owners of less than this share are not declared as beneficial owners. */
export const BENEFICIAL_OWNER_THRESHOLD_PERCENT = 25;

export type BeneficialOwnersError =
  | "owner_share_below_threshold"
  | "owner_share_invalid"
  | "owner_shares_exceed_100";
export type BeneficialOwnersValidation = { ok: true } | { ok: false; error: BeneficialOwnersError; index?: number };

const HUNDRED_PERCENT = 100_00;

/** A percentage such as "25", "33.3" or "12.50" in hundredths of a percent, or null if it is not one. */
function shareInHundredths(share: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(share.normalize("NFKC").trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** `index` points at the first owner whose own share is wrong; a total over 100 % has none. */
export function validateBeneficialOwners(owners: readonly { sharePercent: string }[]): BeneficialOwnersValidation {
  let total = 0;
  for (const [index, owner] of owners.entries()) {
    const share = shareInHundredths(owner.sharePercent);
    if (share === null || share > HUNDRED_PERCENT) return { ok: false, error: "owner_share_invalid", index };
    if (share < BENEFICIAL_OWNER_THRESHOLD_PERCENT * 100) {
      return { ok: false, error: "owner_share_below_threshold", index };
    }
    total += share;
  }
  return total > HUNDRED_PERCENT ? { ok: false, error: "owner_shares_exceed_100" } : { ok: true };
}
