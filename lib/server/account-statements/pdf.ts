import { renderToBuffer } from "@react-pdf/renderer";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { kybApplications, organizations } from "@/db/schema";
import { StatementDocument } from "@/components/account-statements/statement-document";
import { STATEMENT_PDF_LABEL_KEYS, type StatementPdfData, type StatementPdfLabels } from "@/components/account-statements/statement-pdf-data";
import type { BilingualText } from "@/components/invoice-pdf/invoice-pdf-data";
import { localDateTime, monthDates } from "@/lib/domain/account-statements";
import { ORGANIZATION_ACCOUNT_KINDS } from "@/lib/domain/ledger";
import { translator } from "../i18n/translator";
import { registerPdfFonts } from "../invoice-pdf/fonts";
import type { LoadedStatement } from "./load";

async function bilingual(namespace: string, keys: readonly string[]): Promise<Record<string, BilingualText>> {
  const [en, zh] = await Promise.all([translator("en", namespace), translator("zh-CN", namespace)]);
  return Object.fromEntries(keys.filter((key) => en.has(key) && zh.has(key)).map((key) => [key, { en: en(key), zh: zh(key) }]));
}

/** The account holder as on its KYB application (legal names), else the organization's name. */
async function holder(executor: Executor, organizationId: string): Promise<StatementPdfData["holder"]> {
  const [row] = await executor
    .select({ name: organizations.name, nameEn: kybApplications.legalNameEn, nameZh: kybApplications.legalNameZh })
    .from(organizations)
    .leftJoin(kybApplications, eq(kybApplications.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  return { nameEn: row?.nameEn || row?.name || "", nameZh: row?.nameZh || null };
}

/** The statement as a bilingual PDF: every label in English with its Chinese. */
export async function statementPdf(executor: Executor, organizationId: string, loaded: LoadedStatement, now = new Date()) {
  const { statement } = loaded;
  const lines = statement.sections.flatMap((section) => section.lines);
  const [labels, accountNames, typeNames, feeNames, causeNames, holderNames] = await Promise.all([
    bilingual("account-statements.pdf", STATEMENT_PDF_LABEL_KEYS),
    bilingual("account-statements.accounts", ORGANIZATION_ACCOUNT_KINDS),
    bilingual("balances.types", [...new Set(lines.map((line) => line.entryType))]),
    bilingual("account-statements.feeTypes", [...new Set(lines.flatMap((line) => (line.fee ? [line.fee.type] : [])))]),
    bilingual("balances.causes", [...new Set(lines.flatMap((line) => (line.cause ? [line.cause.type] : [])))]),
    holder(executor, organizationId),
  ]);
  const generated = localDateTime(now, loaded.timeZone);
  const data: StatementPdfData = {
    holder: holderNames,
    statement,
    timeZone: loaded.timeZone,
    ...monthDates(statement.month),
    toDate: loaded.toDate,
    generatedAt: `${generated.date} ${generated.time.slice(0, 5)}`,
    accountNames: accountNames as StatementPdfData["accountNames"],
    typeNames,
    feeNames,
    causeNames,
    references: Object.fromEntries([...loaded.references].map(([key, reference]) => [key, reference.label])),
  };
  registerPdfFonts();
  // Called as a function (it has no hooks) so that the root element is typed as @react-pdf's <Document>.
  return new Uint8Array(await renderToBuffer(StatementDocument({ data, labels: labels as StatementPdfLabels })));
}
