import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { failureMessage } from "@/components/statements/failure-message";
import { STATUS_TONE } from "@/components/statements/import-table";
import { RetryImportButton } from "@/components/statements/retry-button";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatMoney, isCurrencyCode } from "@/lib/domain/money";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { importPayments, statementImport } from "@/lib/server/statements/queries";

export const dynamic = "force-dynamic";

const MATCH_TONE: Record<string, BadgeTone> = { unmatched: "warning", partially_matched: "info", matched: "success", reversed: "neutral" };

export default async function StatementImportPage({ params }: { params: Promise<{ org: string; importId: string }> }) {
  const { org, importId } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const row = await statementImport(organization.id, importId);
  if (!row) notFound();
  const [t, errors, format, locale, payments] = await Promise.all([
    getTranslations("statements"),
    getTranslations("errors"),
    getFormatter(),
    getLocale(),
    importPayments(organization.id, row.id),
  ]);
  const money = (minor: bigint | string | undefined, currency: string) =>
    minor === undefined || !isCurrencyCode(currency) ? "—" : formatMoney(BigInt(minor), currency, locale as "en" | "zh-CN", { display: "code" });
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: organization.timezone }) : "—");
  // A run still going holds the import's lock, so offering the retry while it shows as processing is harmless.
  const retryable = MONEY_ROLES.includes(membership.role) && (row.status === "processing" || row.error?.code === "statement_import_interrupted");

  return (
    <div className="flex flex-col gap-6">
      <Link href={`/o/${org}/statements`} className="text-sm font-medium text-teal-800 hover:underline">
        ← {t("detail.back")}
      </Link>
      <PageHeader title={t("detail.title", { file: row.fileName })} />
      {row.balanceMismatch ? <Alert tone="warning">{t("detail.mismatchAlert")}</Alert> : null}
      {row.status === "failed" && row.error ? (
        <Alert tone="error" title={t("upload.failed")}>
          {failureMessage(errors, row.error)}
        </Alert>
      ) : null}

      <Card>
        <CardHeader title={t("detail.summary")} actions={<Badge tone={STATUS_TONE[row.status]}>{t(`status.${row.status}`)}</Badge>} />
        <CardBody className="flex flex-col gap-4">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-4" data-testid="import-summary">
            {(
              [
                [t("list.format"), t(`formats.${row.format.replace(".", "")}`)],
                [t("detail.size"), format.number(row.sizeBytes / 1024, { maximumFractionDigits: 1 }) + " KB"],
                [t("detail.importedAt"), when(row.createdAt)],
                [t("detail.finishedAt"), when(row.finishedAt)],
                [t("list.transactions"), String(row.transactionCount)],
                [t("list.imported"), String(row.importedCount)],
                [t("list.duplicates"), String(row.duplicateCount)],
                [t("list.matched"), String(row.matchedCount)],
                [t("list.skipped"), String(row.skippedCount)],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="tabular font-medium text-slate-900">{value}</dd>
              </div>
            ))}
            <div className="sm:col-span-3 lg:col-span-4">
              <dt className="text-slate-500">{t("detail.sha256")}</dt>
              <dd className="font-mono text-xs break-all text-slate-700">{row.sha256}</dd>
            </div>
          </dl>
          {retryable ? <RetryImportButton org={org} importId={row.id} /> : null}
        </CardBody>
      </Card>

      {row.statements.length > 0 ? (
        <Card>
          <CardHeader title={t("detail.accounts")} />
          <Table caption={t("detail.accountsCaption")}>
            <TableHead>
              <tr>
                <TableHeaderCell>{t("detail.account")}</TableHeaderCell>
                <TableHeaderCell numeric>{t("detail.opening")}</TableHeaderCell>
                <TableHeaderCell numeric>{t("detail.closing")}</TableHeaderCell>
                <TableHeaderCell numeric>{t("list.transactions")}</TableHeaderCell>
                <TableHeaderCell numeric>{t("detail.credits")}</TableHeaderCell>
                <TableHeaderCell numeric>{t("detail.debits")}</TableHeaderCell>
                <TableHeaderCell>{t("detail.reversals")}</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {row.statements.map((s) => (
                <TableRow key={`${s.account}-${s.currency}`}>
                  <TableCell>
                    <div className="font-mono text-xs">
                      {s.account} · {s.currency}
                    </div>
                    <div className="mt-1 flex flex-wrap gap-1.5">
                      <Badge tone={s.collectionAccount ? "brand" : "neutral"}>{s.collectionAccount ? t("detail.ours") : t("detail.notOurs")}</Badge>
                      {s.balanceMismatch ? <Badge tone="warning">{t("list.mismatch")}</Badge> : null}
                    </div>
                  </TableCell>
                  <TableCell numeric>{money(s.openingBalanceMinor, s.currency)}</TableCell>
                  <TableCell numeric>{money(s.closingBalanceMinor, s.currency)}</TableCell>
                  <TableCell numeric>{s.transactions}</TableCell>
                  <TableCell numeric>{s.receipts}</TableCell>
                  <TableCell numeric>{s.skippedDebits}</TableCell>
                  <TableCell>
                    {s.reversals > 0 ? t("detail.reversalsValue", { reversed: s.reversed, flagged: s.reversalsFlagged }) : "—"}
                    {s.flaggedBankRefs.length > 0 ? <p className="mt-1 text-xs text-amber-800">{t("detail.flagged", { refs: s.flaggedBankRefs.join(", ") })}</p> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("detail.payments")} />
        <Table caption={t("detail.paymentsCaption")} data-testid="import-payments">
          <TableHead>
            <tr>
              <TableHeaderCell>{t("detail.bookingDate")}</TableHeaderCell>
              <TableHeaderCell>{t("detail.payer")}</TableHeaderCell>
              <TableHeaderCell>{t("detail.reference")}</TableHeaderCell>
              <TableHeaderCell>{t("detail.bankRef")}</TableHeaderCell>
              <TableHeaderCell numeric>{t("detail.amount")}</TableHeaderCell>
              <TableHeaderCell numeric>{t("detail.unapplied")}</TableHeaderCell>
              <TableHeaderCell>{t("detail.match")}</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {payments.length === 0 ? <TableEmptyRow colSpan={7}>{t("detail.paymentsEmpty")}</TableEmptyRow> : null}
            {payments.map((p) => (
              <TableRow key={p.id}>
                <TableCell className="whitespace-nowrap">{p.bookingDate}</TableCell>
                <TableCell>{p.payerName ?? "—"}</TableCell>
                <TableCell className="max-w-72">
                  {p.reference ? <div className="font-mono text-xs">{p.reference}</div> : null}
                  {p.remittanceText ? <div className="truncate text-xs text-slate-600">{p.remittanceText}</div> : null}
                </TableCell>
                <TableCell className="font-mono text-xs">{p.bankRef}</TableCell>
                <TableCell numeric>{money(p.amountMinor, p.currency)}</TableCell>
                <TableCell numeric>{money(p.unappliedMinor, p.currency)}</TableCell>
                <TableCell>
                  <Badge tone={MATCH_TONE[p.matchStatus] ?? "neutral"}>{t(`matchStatus.${p.matchStatus}`)}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
