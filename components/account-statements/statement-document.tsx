import { Document, Page, Text, View } from "@react-pdf/renderer";
import { BilingualLabel, LabelledValue, SectionTitle } from "@/components/invoice-pdf/bilingual";
import type { BilingualText } from "@/components/invoice-pdf/invoice-pdf-data";
import { styles } from "@/components/invoice-pdf/styles";
import { causeKey, localDateTime, type StatementLine, type StatementSection } from "@/lib/domain/account-statements";
import { rateAsPercent } from "@/lib/domain/fees";
import { formatAmount } from "@/lib/domain/money";
import type { StatementPdfData, StatementPdfLabels } from "./statement-pdf-data";

const LINE_COLUMNS = [
  { key: "date", width: "13%" },
  { key: "description", width: "35%" },
  { key: "reference", width: "16%" },
  { key: "debit", width: "12%", right: true },
  { key: "credit", width: "12%", right: true },
  { key: "balance", width: "12%", right: true },
] as const;

const SUMMARY_COLUMNS = [
  { key: "account", width: "28%" },
  { key: "opening", width: "18%", right: true },
  { key: "credits", width: "18%", right: true },
  { key: "debits", width: "18%", right: true },
  { key: "closing", width: "18%", right: true },
] as const;

type Column = { key: keyof StatementPdfLabels; width: string; right?: boolean };

function both(text: BilingualText | undefined, fallback: string): string {
  return text ? `${text.en} ${text.zh}` : fallback;
}

function Head({ columns, labels }: { columns: readonly Column[]; labels: StatementPdfLabels }) {
  return (
    <View style={styles.tableHead} fixed>
      {columns.map((column) => (
        <View key={column.key} style={[styles.cell, { width: column.width }]}>
          <BilingualLabel text={labels[column.key]} align={column.right ? "right" : undefined} />
        </View>
      ))}
    </View>
  );
}

function Row({ columns, cells, bold }: { columns: readonly Column[]; cells: string[]; bold?: boolean }) {
  return (
    <View style={styles.tableRow} wrap={false}>
      {columns.map((column, at) => (
        <Text key={column.key} style={[styles.cell, { width: column.width }, ...(column.right ? [styles.right] : []), ...(bold ? [styles.strong] : [])]}>
          {cells[at]}
        </Text>
      ))}
    </View>
  );
}

function lineDescription(line: StatementLine, data: StatementPdfData, labels: StatementPdfLabels): string {
  const currency = data.statement.currency;
  if (line.fee) {
    const rated = line.fee.rate !== null && line.fee.basisMinor !== null ? ` · ${rateAsPercent(line.fee.rate)}% × ${formatAmount(line.fee.basisMinor, currency, "en")}` : "";
    const refund = line.fee.refund ? ` · ${labels.refund.en} ${labels.refund.zh}` : "";
    return `${both(data.feeNames[line.fee.type], line.fee.type)}${rated}${refund}\n${line.description}`;
  }
  return `${both(data.typeNames[line.entryType], line.entryType)}\n${line.description}`;
}

function SectionTable({ section, data, labels }: { section: StatementSection; data: StatementPdfData; labels: StatementPdfLabels }) {
  const amount = (minor: bigint) => formatAmount(minor, data.statement.currency, "en");
  const edge = (label: BilingualText, date: string, balance: bigint) => [date, `${label.en} ${label.zh}`, "", "", "", amount(balance)];
  return (
    <View style={{ marginBottom: 14 }}>
      <SectionTitle text={data.accountNames[section.kind]} />
      <View style={styles.table}>
        <Head columns={LINE_COLUMNS} labels={labels} />
        <Row columns={LINE_COLUMNS} cells={edge(labels.opening, data.first, section.openingMinor)} bold />
        {section.lines.length === 0 ? <Row columns={LINE_COLUMNS} cells={["", `${labels.noLines.en} ${labels.noLines.zh}`, "", "", "", ""]} /> : null}
        {section.lines.map((line, index) => {
          const when = localDateTime(line.postedAt, data.timeZone);
          return (
            <Row
              key={`${line.lineId}-${index}`}
              columns={LINE_COLUMNS}
              cells={[
                `${when.date}\n${when.time.slice(0, 5)}`,
                lineDescription(line, data, labels),
                line.cause ? (data.references[causeKey(line.cause)] ?? `${both(data.causeNames[line.cause.type], line.cause.type)} ${line.cause.id.slice(0, 8)}`) : "",
                line.debitMinor > 0n ? amount(line.debitMinor) : "",
                line.creditMinor > 0n ? amount(line.creditMinor) : "",
                amount(line.balanceMinor),
              ]}
            />
          );
        })}
        <Row
          columns={LINE_COLUMNS}
          cells={[data.last, `${labels.closing.en} ${labels.closing.zh}`, "", amount(section.debitsMinor), amount(section.creditsMinor), amount(section.closingMinor)]}
          bold
        />
      </View>
    </View>
  );
}

/** The bilingual monthly account statement: header, summary of every account, fees, then each account's lines. */
export function StatementDocument({ data, labels }: { data: StatementPdfData; labels: StatementPdfLabels }) {
  const { statement } = data;
  const amount = (minor: bigint) => formatAmount(minor, statement.currency, "en");
  const period = `${data.first} – ${data.toDate ? `${data.generatedAt} (${labels.toDate.en} ${labels.toDate.zh})` : data.last}`;
  return (
    <Document title={`${labels.title.en} ${statement.currency} ${statement.month} · ${data.holder.nameEn}`} author="Quayside" language="en">
      <Page size="A4" style={styles.page}>
        <View style={styles.header}>
          <View style={styles.column}>
            <Text style={styles.sellerName}>{data.holder.nameEn}</Text>
            {data.holder.nameZh ? <Text style={styles.sellerNameZh}>{data.holder.nameZh}</Text> : null}
          </View>
          <View style={styles.titleBox}>
            <Text style={styles.title}>{labels.title.en}</Text>
            <Text style={styles.titleZh}>{labels.title.zh}</Text>
            <LabelledValue label={labels.currency}>{statement.currency}</LabelledValue>
            <LabelledValue label={labels.period}>{period}</LabelledValue>
            <LabelledValue label={labels.timeZone}>{data.timeZone}</LabelledValue>
            <LabelledValue label={labels.generated}>{data.generatedAt}</LabelledValue>
          </View>
        </View>

        <SectionTitle text={labels.summary} />
        <View style={styles.table}>
          <Head columns={SUMMARY_COLUMNS} labels={labels} />
          {statement.sections.map((section) => (
            <Row
              key={section.kind}
              columns={SUMMARY_COLUMNS}
              cells={[both(data.accountNames[section.kind], section.kind), amount(section.openingMinor), amount(section.creditsMinor), amount(section.debitsMinor), amount(section.closingMinor)]}
            />
          ))}
        </View>
        <Text style={[styles.muted, { marginBottom: 12 }]}>
          {statement.reconciled ? `${labels.reconciled.en} ${labels.reconciled.zh}` : `${labels.notReconciled.en} ${labels.notReconciled.zh}`}
        </Text>

        {statement.feeTotals.length > 0 ? (
          <View style={{ marginBottom: 14 }} wrap={false}>
            <SectionTitle text={labels.fees} />
            {statement.feeTotals.map((total) => (
              <View key={total.type} style={styles.totalRow}>
                <Text>{`${both(data.feeNames[total.type], total.type)} × ${total.count}`}</Text>
                <Text>{amount(total.amountMinor)}</Text>
              </View>
            ))}
          </View>
        ) : null}

        {statement.sections.map((section) => (
          <SectionTable key={section.kind} section={section} data={data} labels={labels} />
        ))}

        <View style={styles.footer} fixed>
          <Text>{`${data.holder.nameEn} · ${statement.currency} · ${statement.month}`}</Text>
          <Text render={({ pageNumber, totalPages }) => `${labels.page.en} ${labels.page.zh} ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
