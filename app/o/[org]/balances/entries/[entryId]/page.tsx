import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { isUuid } from "@/lib/domain/ledger";
import { entryDescription } from "@/lib/domain/ledger/descriptions";
import { formatMoney } from "@/lib/domain/money";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { organizationEntry } from "@/lib/server/balances/queries";

/** One journal entry: every line, what caused it, and the reversal that undid it or the entry it undoes. */
export default async function EntryPage({ params }: { params: Promise<{ org: string; entryId: string }> }) {
  const { org, entryId } = await params;
  const { organization } = await requireOrgMember(org);
  if (!isUuid(entryId)) notFound();
  const found = await organizationEntry(organization.id, entryId);
  if (!found) notFound();
  const { entry, lines, reversedBy } = found;
  const t = await getTranslations("balances");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const typeLabel = t.has(`types.${entry.type}`) ? t(`types.${entry.type}`) : entry.type;
  const entryLink = (id: string) => (
    <Link href={`/o/${org}/balances/entries/${id}`} className="font-mono text-teal-800 hover:underline">
      {id}
    </Link>
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader eyebrow={t("entry.eyebrow")} title={typeLabel} description={entryDescription(t, entry.description)} />
      <Card>
        <CardHeader title={t("entry.details")} />
        <CardBody>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t("entry.time")}</dt>
              <dd>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: organization.timezone })}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("entry.id")}</dt>
              <dd className="font-mono">{entry.id}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("entry.cause")}</dt>
              <dd>{entry.causeType ? `${t.has(`causes.${entry.causeType}`) ? t(`causes.${entry.causeType}`) : entry.causeType} · ${entry.causeId}` : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("entry.reference")}</dt>
              <dd className="font-mono text-xs">{entry.idempotencyKey}</dd>
            </div>
            {entry.reversesEntryId ? (
              <div>
                <dt className="text-slate-500">{t("entry.reverses")}</dt>
                <dd>{entryLink(entry.reversesEntryId)}</dd>
              </div>
            ) : null}
            {reversedBy ? (
              <div>
                <dt className="text-slate-500">{t("entry.reversedBy")}</dt>
                <dd>{entryLink(reversedBy)}</dd>
              </div>
            ) : null}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("entry.lines")} description={t("entry.linesHint")} />
        <Table caption={t("entry.lines")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("columns.account")}</TableHeaderCell>
              <TableHeaderCell numeric>{t("columns.amount")}</TableHeaderCell>
              <TableHeaderCell numeric>{t("columns.balanceAfter")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.id.toString()}>
                <TableCell>
                  {t(`accounts.${line.kind}`)} {line.ownAccount ? null : <Badge tone="neutral">{t("entry.platform")}</Badge>}
                </TableCell>
                <TableCell numeric>{formatMoney(line.amountMinor, line.currency, locale)}</TableCell>
                <TableCell numeric>{line.balanceAfterMinor === null ? "—" : formatMoney(line.balanceAfterMinor, line.currency, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
