import { isReceivingScheme, receivingDetailRows, type ReceivingDetails } from "@/lib/domain/banking";
import { formatRfReference } from "@/lib/domain/statements/rf-reference";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "./copy-button";
import type { BankDetailLabels } from "./labels";

/** What a collection account shows to a payer (the columns of collection_accounts buyers need). */
export interface BankDetailsAccount {
  currency: string;
  scheme: string;
  accountHolder: string;
  bankName: string;
  bankAddress: string | null;
  details: ReceivingDetails;
}

export interface BankDetailsProps {
  account: BankDetailsAccount;
  labels: BankDetailLabels;
  /** The invoice's ISO 11649 reference, shown first when the details are for one invoice. */
  reference?: string | null;
  /** Adds a copy button to each value (off for print). */
  copyable?: boolean;
  className?: string;
}

interface Row {
  key: string;
  label: string;
  display: string;
  value: string;
  copyLabel?: string;
  mono?: boolean;
}

/**
 * The receiving details of one account as a definition list: beneficiary, the scheme's fields (IBAN in groups of
 * four), bank name and address, and the payment reference when given. Used on the receiving page, the pay page
 * and wherever payment instructions are printed.
 */
export function BankDetails({ account, labels, reference, copyable = true, className }: BankDetailsProps) {
  const detailRows = isReceivingScheme(account.scheme) ? receivingDetailRows(account.scheme, account.details) : [];
  const rows: Row[] = [
    ...(reference
      ? [{ key: "reference", label: labels.reference, display: formatRfReference(reference), value: reference, copyLabel: labels.copy.reference, mono: true }]
      : []),
    { key: "accountHolder", label: labels.accountHolder, display: account.accountHolder, value: account.accountHolder, copyLabel: labels.copy.accountHolder },
    ...detailRows.map((row) => {
      const accountType = row.field === "accountType" ? labels.accountTypes[row.value as keyof BankDetailLabels["accountTypes"]] : undefined;
      return {
        key: row.field,
        label: labels.fields[row.field],
        display: accountType ?? row.display,
        value: accountType ?? row.value,
        copyLabel: accountType ? undefined : labels.copy[row.field],
        mono: !accountType,
      };
    }),
    { key: "bankName", label: labels.bankName, display: account.bankName, value: account.bankName },
    ...(account.bankAddress ? [{ key: "bankAddress", label: labels.bankAddress, display: account.bankAddress, value: account.bankAddress }] : []),
  ];
  return (
    <dl className={cn("divide-y divide-slate-100 text-sm", className)}>
      {rows.map((row) => (
        <div key={row.key} className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr] sm:gap-4" data-field={row.key}>
          <dt className="text-slate-500">{row.label}</dt>
          <dd className="flex min-w-0 items-center justify-between gap-3">
            <span className={cn("min-w-0 break-words text-slate-900", row.mono && "font-mono tabular tracking-wide", row.key === "reference" && "font-semibold")}>
              {row.display}
            </span>
            {copyable && row.copyLabel ? <CopyButton value={row.value} label={row.copyLabel} copiedLabel={labels.copied} /> : null}
          </dd>
          {row.key === "reference" ? <p className="text-xs text-slate-500 sm:col-start-2">{labels.referenceNote}</p> : null}
        </div>
      ))}
    </dl>
  );
}
