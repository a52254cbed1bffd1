import { useTranslations } from "next-intl";
import type { SettlementBankAccount } from "@/lib/server/payouts/bank-account";

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="tabular text-slate-900">{value}</dd>
    </div>
  );
}

/** The verified settlement bank account payouts go to, and the currencies it receives. */
export function AccountSummary({ account }: { account: Pick<SettlementBankAccount, "bankName" | "branchName" | "accountHolder" | "accountNumber" | "cnaps" | "swiftBic" | "iban" | "currencies"> }) {
  const t = useTranslations("payouts.account");
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Item label={t("bank")} value={`${account.bankName} ${account.branchName}`} />
        <Item label={t("holder")} value={account.accountHolder} />
        <Item label={t("number")} value={account.accountNumber} />
        <Item label={t("cnaps")} value={account.cnaps} />
        {account.swiftBic ? <Item label={t("swift")} value={account.swiftBic} /> : null}
        {account.iban ? <Item label={t("iban")} value={account.iban} /> : null}
        <Item label={t("currencies")} value={account.currencies.join(", ")} />
      </dl>
      {account.swiftBic ? <p className="text-xs text-slate-600">{t("foreignNote", { swift: account.swiftBic })}</p> : null}
    </div>
  );
}
