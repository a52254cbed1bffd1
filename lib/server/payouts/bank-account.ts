import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { kybApplications, type PayoutBeneficiarySnapshot } from "@/db/schema";
import { COLLECTION_CURRENCIES } from "@/lib/domain/banking";
import type { AccountTier } from "@/lib/domain/kyb";
import { acceptedPayoutCurrencies } from "@/lib/domain/settlement/payout";
import { bankAccountSchema } from "../kyb/schemas";

/** The bank account payouts go to: the one a reviewer verified with the organization's approved KYB application. */
export interface SettlementBankAccount {
  bankName: string;
  branchName: string;
  accountHolder: string;
  /** The Chinese (CNY) account number. */
  accountNumber: string;
  cnaps: string;
  /** The foreign-currency account's SWIFT/BIC and IBAN (IBAN only where its country uses them); null without one. */
  swiftBic: string | null;
  iban: string | null;
  foreignBankCountry: string | null;
  /** CNY always; every other collection currency too when the account is a foreign-currency account. */
  currencies: string[];
  /** The tier the application was approved at (its daily limits apply). */
  tier: AccountTier;
}

/** The verified settlement bank account, or null while the organization's KYB is not approved. */
export async function settlementBankAccount(executor: Executor, organizationId: string): Promise<SettlementBankAccount | null> {
  const [application] = await executor
    .select({ bankAccount: kybApplications.bankAccount, tier: kybApplications.approvedTier })
    .from(kybApplications)
    .where(and(eq(kybApplications.organizationId, organizationId), eq(kybApplications.status, "approved")));
  if (!application?.tier || !application.bankAccount) return null;
  const parsed = bankAccountSchema.safeParse(application.bankAccount);
  if (!parsed.success) return null;
  const bank = parsed.data;
  return {
    bankName: bank.bankName,
    branchName: bank.branchName,
    accountHolder: bank.accountHolder,
    accountNumber: bank.accountNumber,
    cnaps: bank.cnaps,
    swiftBic: bank.foreignCurrency ? bank.swiftBic : null,
    iban: bank.foreignCurrency && bank.iban ? bank.iban : null,
    foreignBankCountry: bank.foreignCurrency ? bank.foreignBankCountry : null,
    currencies: acceptedPayoutCurrencies(bank, COLLECTION_CURRENCIES),
    tier: application.tier,
  };
}

/** What the payout records of the account it is sent to, in the currency it is sent in. */
export function beneficiaryFor(account: SettlementBankAccount, currency: string): PayoutBeneficiarySnapshot {
  const foreign = currency !== "CNY";
  return {
    bankName: account.bankName,
    branchName: account.branchName,
    accountHolder: account.accountHolder,
    accountNumber: account.accountNumber,
    cnaps: foreign ? null : account.cnaps,
    swiftBic: foreign ? account.swiftBic : null,
    iban: foreign ? account.iban : null,
  };
}
