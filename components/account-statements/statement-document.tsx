import { Text, View } from "@react-pdf/renderer";
import { LabelledValue, SectionTitle } from "@/components/invoice-pdf/bilingual";
import type { BilingualText } from "@/components/invoice-pdf/invoice-pdf-data";
import { StatementFrame, TableHead, TableRow } from "@/components/invoice-pdf/statement-frame";
import { styles } from "@/components/invoice-pdf/styles";
import { causeKey, type StatementLine, type StatementSection } from "@/lib/domain/account-statements";
import { rateAsPercent } from "@/lib/domain/fees";
import { formatAmount } from "@/lib/domain/money";
import { localDateTime } from "@/lib/domain/time/local-date-time";
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

function both(text: BilingualText | undefined, fallback: string): string {
  return text ? `${text.en} ${text.zh}` : fallback;
}

function lineDescription(line: StatementLine, data: StatementPdfData, labels: StatementPdfLabels): string {
  const currency = data.statement.currency;
  if (line.fee) {
    const rated = line.fee.rate !== null && line.fee.basisMinor !== null ? ` · ${rateAsPercent(line.fee.rate)}% × ${formatAmount(line.fee.basisMinor, currency, "en")}` : "";
    const refund = line.fee.refund ? ` · ${labels.refund.en} ${labels.refund.zh}` : "";
    return `${both(data.feeNames[line.fee.type], line.fee.type)}${rated}${refund}\n${both(data.descriptions[line.description], line.description)}`;
  }
  return `${both(data.typeNames[line.entryType], line.entryType)}\n${both(data.descriptions[line.description], line.description)}`;
}

function SectionTable({ section, data, labels }: { section: StatementSection; data: StatementPdfData; labels: StatementPdfLabels }) {
  const amount = (minor: bigint) => formatAmount(minor, data.statement.currency, "en");
  const edge = (label: BilingualText, date: string, balance: bigint) => [date, `${label.en} ${label.zh}`, "", "", "", amount(balance)];
  return (
    <View style={{ marginBottom: 14 }}>
      <SectionTitle text={data.accountNames[section.kind]} />
      <View style={styles.table}>
        <TableHead columns={LINE_COLUMNS} labels={labels} />
        <TableRow columns={LINE_COLUMNS} cells={edge(labels.opening, data.first, section.openingMinor)} bold />
        {section.lines.length === 0 ? <TableRow columns={LINE_COLUMNS} cells={["", `${labels.noLines.en} ${labels.noLines.zh}`, "", "", "", ""]} /> : null}
        {section.lines.map((line, index) => {
          const when = localDateTime(line.postedAt, data.timeZone);
          return (
            <TableRow
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
        <TableRow
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
    <StatementFrame
      documentTitle={`${labels.title.en} ${statement.currency} ${statement.month} · ${data.holder.nameEn}`}
      holder={data.holder}
      title={labels.title}
      fields={
        <>
          <LabelledValue label={labels.currency}>{statement.currency}</LabelledValue>
          <LabelledValue label={labels.period}>{period}</LabelledValue>
          <LabelledValue label={labels.timeZone}>{data.timeZone}</LabelledValue>
          <LabelledValue label={labels.generated}>{data.generatedAt}</LabelledValue>
        </>
      }
      footer={`${data.holder.nameEn} · ${statement.currency} · ${statement.month}`}
      pageLabel={labels.page}
    >
      <SectionTitle text={labels.summary} />
      <View style={styles.table}>
        <TableHead columns={SUMMARY_COLUMNS} labels={labels} />
        {statement.sections.map((section) => (
          <TableRow
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
    </StatementFrame>
  );
}
