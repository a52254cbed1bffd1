import type { Locale } from "@/i18n/catalog";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BankDetails } from "@/components/receiving/bank-details";
import { CopyButton } from "@/components/receiving/copy-button";
import { bankDetailLabels } from "@/components/receiving/labels";
import { formatRfReference } from "@/lib/domain/statements/rf-reference";
import type { PayBankAccount } from "@/lib/server/pay/page";
import { payTranslations } from "@/components/pay/translations";

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
  const [t, collections] = await Promise.all([payTranslations(locale, "pay"), payTranslations(locale, "collections")]);
  const labels = bankDetailLabels(collections);
  return (
    <Card>
      <CardHeader title={t("bank.title")} description={account ? t("bank.intro", { amount, currency }) : null} />
      <CardBody className="flex flex-col gap-4">
        <div className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3">
          <p className="text-sm font-medium text-teal-900">{t("bank.reference")}</p>
          <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
            <p className="font-mono text-xl font-semibold tracking-wider text-slate-900" data-testid="rf-reference">
              {formatRfReference(rfReference)}
            </p>
            <CopyButton value={rfReference} label={labels.copy.reference} copiedLabel={labels.copied} />
          </div>
          <p className="mt-1 text-sm text-teal-900">{t("bank.quoteThis")}</p>
        </div>
        {account ? (
          <BankDetails account={{ ...account, currency }} labels={labels} />
        ) : (
          <Alert tone="warning">{t("bank.unavailable", { currency, seller })}</Alert>
        )}
      </CardBody>
    </Card>
  );
}
