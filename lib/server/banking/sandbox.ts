import { createHash } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { collectionAccounts } from "@/db/schema";
import {
  accountNumberFromSeed,
  ACCOUNT_NUMBER_DIGITS,
  composeReceivingDetails,
  type CollectionCurrency,
  type IssuingBranch,
} from "@/lib/domain/banking";
import type { AccountHolder, IssueContext, IssuedAccount, PayoutBankAdapter } from "./adapter";
import { sandboxPayoutStatus, sendSandboxPayout } from "./sandbox-payouts";

interface SandboxBranch extends IssuingBranch {
  bankName: string;
  bankAddress: string;
}

/** A fictional bank with a branch in each collection currency's country; codes chosen to pass every layout check. */
export const SANDBOX_BRANCHES: Readonly<Record<CollectionCurrency, SandboxBranch>> = {
  USD: { bic: "QSBXUS33", bankCode: "02600999", bankName: "Quayside Sandbox Bank (US) N.A.", bankAddress: "200 Vesey Street, New York, NY 10281, United States" },
  EUR: { bic: "QSBXDEFF", bankCode: "50010999", bankName: "Quayside Sandbox Bank (Europe) AG", bankAddress: "Taunusanlage 12, 60325 Frankfurt am Main, Germany" },
  GBP: { bic: "QSBXGB2L", bankCode: "QSBX", branchCode: "609999", bankName: "Quayside Sandbox Bank (UK) Ltd", bankAddress: "1 Canada Square, London E14 5AB, United Kingdom" },
  JPY: { bic: "QSBXJPJT", bankCode: "0999", branchCode: "101", bankName: "Quayside Sandbox Bank (Japan) K.K.", bankAddress: "1-1-2 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan" },
  AUD: { bic: "QSBXAU2S", bankCode: "802999", bankName: "Quayside Sandbox Bank (Australia) Pty Ltd", bankAddress: "1 Macquarie Place, Sydney NSW 2000, Australia" },
  CAD: { bic: "QSBXCATT", bankCode: "999", branchCode: "00012", bankName: "Quayside Sandbox Bank (Canada)", bankAddress: "100 King Street West, Toronto ON M5X 1A9, Canada" },
  HKD: { bic: "QSBXHKHH", bankCode: "399", branchCode: "001", bankName: "Quayside Sandbox Bank (Hong Kong) Ltd", bankAddress: "8 Finance Street, Central, Hong Kong" },
  SGD: { bic: "QSBXSGSG", bankCode: "7999", branchCode: "001", bankName: "Quayside Sandbox Bank (Singapore) Pte Ltd", bankAddress: "8 Marina Boulevard, Singapore 018981" },
  CNY: { bic: "QSBXCNSH", bankCode: "999290000019", bankName: "Quayside Sandbox Bank (China) Co., Ltd.", bankAddress: "501 Yincheng Middle Road, Pudong, Shanghai 200120, China" },
};

/** Account numbers tried before giving up: each try is a fresh 128-bit draw, so a second is already rare. */
const MAX_TRIES = 16;

function candidateNumber(organizationId: string, currency: CollectionCurrency, attempt: number): string {
  const digest = createHash("sha256").update(`${organizationId}:${currency}:${attempt}`).digest();
  return accountNumberFromSeed(BigInt(`0x${digest.subarray(0, 16).toString("hex")}`), ACCOUNT_NUMBER_DIGITS[currency]);
}

async function takenByAnother(executor: Executor, holder: AccountHolder, currency: string, identifier: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: collectionAccounts.id })
    .from(collectionAccounts)
    .where(
      and(
        eq(collectionAccounts.accountIdentifier, identifier),
        eq(collectionAccounts.currency, currency),
        ne(collectionAccounts.organizationId, holder.organizationId),
      ),
    );
  return Boolean(row);
}

/**
 * Issues details derived from the organization and currency, so asking twice gives the same account; when the
 * derived number belongs to another organization it moves on to the next derivation. Payouts: sandbox-payouts.ts.
 */
export const sandboxBankAdapter: PayoutBankAdapter = {
  provider: "sandbox",
  async issueCollectionAccount(holder: AccountHolder, currency: CollectionCurrency, context: IssueContext): Promise<IssuedAccount> {
    const branch = SANDBOX_BRANCHES[currency];
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const composed = composeReceivingDetails(currency, branch, candidateNumber(holder.organizationId, currency, attempt));
      if (await takenByAnother(context.tx, holder, currency, composed.accountIdentifier)) continue;
      return { provider: "sandbox", ...composed, accountHolder: holder.name, bankName: branch.bankName, bankAddress: branch.bankAddress };
    }
    throw new Error(`sandbox bank: no free ${currency} account number for ${holder.organizationId}`);
  },
  sendPayout: sendSandboxPayout,
  payoutStatus: sandboxPayoutStatus,
};
