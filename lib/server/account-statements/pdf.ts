import { renderToBuffer } from "@react-pdf/renderer";
import type { Executor } from "@/db/client";
import { StatementDocument } from "@/components/account-statements/statement-document";
import { STATEMENT_PDF_LABEL_KEYS, type StatementPdfData, type StatementPdfLabels } from "@/components/account-statements/statement-pdf-data";
import { monthDates } from "@/lib/domain/account-statements";
import { ORGANIZATION_ACCOUNT_KINDS } from "@/lib/domain/ledger";
import { entryDescription } from "@/lib/domain/ledger/descriptions";
import { localDateTime } from "@/lib/domain/time/local-date-time";
import { translator } from "../i18n/translator";
import { bilingualTexts, statementHolder } from "../invoice-pdf/bilingual";
import { registerPdfFonts } from "../invoice-pdf/fonts";
import type { LoadedStatement } from "./load";

/** The statement as a bilingual PDF: every label in English with its Chinese. */
export async function statementPdf(executor: Executor, organizationId: string, loaded: LoadedStatement, now = new Date()) {
  const { statement } = loaded;
  const lines = statement.sections.flatMap((section) => section.lines);
  const [labels, accountNames, typeNames, feeNames, causeNames, holderNames, balancesEn, balancesZh] = await Promise.all([
    bilingualTexts("account-statements.pdf", STATEMENT_PDF_LABEL_KEYS),
    bilingualTexts("account-statements.accounts", ORGANIZATION_ACCOUNT_KINDS),
    bilingualTexts("balances.types", [...new Set(lines.map((line) => line.entryType))]),
    bilingualTexts("account-statements.feeTypes", [...new Set(lines.flatMap((line) => (line.fee ? [line.fee.type] : [])))]),
    bilingualTexts("balances.causes", [...new Set(lines.flatMap((line) => (line.cause ? [line.cause.type] : [])))]),
    statementHolder(executor, organizationId),
    translator("en", "balances"),
    translator("zh-CN", "balances"),
  ]);
  const descriptions = [...new Set(lines.map((line) => line.description))]
    .map((stored) => [stored, { en: entryDescription(balancesEn, stored), zh: entryDescription(balancesZh, stored) }] as const)
    .filter(([stored, text]) => text.zh !== stored);
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
    descriptions: Object.fromEntries(descriptions),
    references: Object.fromEntries([...loaded.references].map(([key, reference]) => [key, reference.label])),
  };
  registerPdfFonts();
  return new Uint8Array(await renderToBuffer(StatementDocument({ data, labels: labels as StatementPdfLabels })));
}
