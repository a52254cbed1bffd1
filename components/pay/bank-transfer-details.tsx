import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/catalog";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { receivingDetailRows, type ReceivingScheme } from "@/lib/domain/banking";
import { formatRfReference } from "@/lib/domain/statements/rf-reference";
import type { PayBankAccount } from "@/lib/server/pay/page";

export interface BankTransferDetailsProps {
  locale: Locale;
  account: PayBankAccount | null;
  rfReference: string;
  amount: string;
  currency: string;
  seller: string;
}

/** The collection account for the invoice's currency and the RF reference to quote, printed in groups of four. */
export async function BankTransferDetails({ locale, account, rfReference, amount, currency, seller }: BankTransferDetailsProps) {
  const t = await getTranslations({ locale, namespace: "pay" });
  const rows: Array<[string, string]> = account
    ? [
        [t("bank.accountHolder"), account.accountHolder],
        ...receivingDetailRows(account.scheme as ReceivingScheme, account.details).map((row): [string, string] => [t(`bank.fields.${row.field}`), row.display]),
        [t("bank.bankName"), account.bankName],
        ...(account.bankAddress ? [[t("bank.bankAddress"), account.bankAddress] as [string, string]] : []),
      ]
    : [];
  return (
    <Card>
      <CardHeader title={t("bank.title")} description={account ? t("bank.intro", { amount, currency }) : null} />
      <CardBody className="flex flex-col gap-4">
        {account ? (
          <dl className="grid grid-cols-1 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="bank-details">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-mono font-medium break-all text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <Alert tone="warning">{t("bank.unavailable", { currency, seller })}</Alert>
        )}
        <div className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3">
          <p className="text-sm font-medium text-teal-900">{t("bank.reference")}</p>
          <p className="mt-1 font-mono text-xl font-semibold tracking-wider text-slate-900" data-testid="rf-reference">
            {formatRfReference(rfReference)}
          </p>
          <p className="mt-1 text-sm text-teal-900">{t("bank.quoteThis")}</p>
        </div>
      </CardBody>
    </Card>
  );
}
