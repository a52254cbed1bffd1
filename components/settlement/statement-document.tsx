import { Text, View } from "@react-pdf/renderer";
import { LabelledValue, SectionTitle } from "@/components/invoice-pdf/bilingual";
import type { BilingualText } from "@/components/invoice-pdf/invoice-pdf-data";
import { StatementFrame, TableHead, TableRow } from "@/components/invoice-pdf/statement-frame";
import { styles } from "@/components/invoice-pdf/styles";
import { rateAsPercent } from "@/lib/domain/fees/rates";
import { formatAmount } from "@/lib/domain/money";
import type { StatementLine } from "@/lib/domain/settlement";
import type { BatchPdfData, BatchPdfLabels } from "./statement-pdf-data";

const both = (text: BilingualText | undefined, fallback: string) => (text ? `${text.en} ${text.zh}` : fallback);
const money = (minor: bigint, currency: string) => `${currency} ${formatAmount(minor, currency, "en")}`;

const COLLECTION_COLUMNS = [
  { key: "clearedOn", width: "14%" },
  { key: "reference", width: "44%" },
  { key: "gross", width: "14%", right: true },
  { key: "fees", width: "14%", right: true },
  { key: "net", width: "14%", right: true },
] as const;

/** One summary line: what it is (both languages) and its signed amount; null for collection lines (listed below). */
function summaryCells(line: StatementLine, data: BatchPdfData, labels: BatchPdfLabels): [string, string] | null {
  switch (line.kind) {
    case "collection":
      return null;
    case "gross":
      return [both(labels.grossTotal, "gross"), money(line.amountMinor, line.currency)];
    case "fee": {
      const rated = line.rate !== null && line.basisMinor !== null ? ` · ${rateAsPercent(line.rate)}% × ${money(line.basisMinor, line.currency)}` : "";
      const reference = line.reference ? ` · ${line.reference}` : "";
      return [`${both(data.feeNames[line.feeType], line.feeType)}${rated}${reference}`, money(line.amountMinor, line.currency)];
    }
    case "other":
      return [both(labels.other, "other"), money(line.amountMinor, line.currency)];
    case "settled":
      return [both(labels.settled, "settled"), money(line.amountMinor, line.currency)];
    case "fx":
      return [
        `${both(labels.converted, "fx")}: ${money(-line.amountMinor, line.currency)} → ${money(line.counterAmountMinor, line.counterCurrency)} · ${both(labels.rate, "rate")} ${line.rate} (mid ${line.mid})`,
        `${money(line.amountMinor, line.currency)}\n+${money(line.counterAmountMinor, line.counterCurrency)}`,
      ];
    case "net":
      return [both(labels.netPaid, "net"), money(line.amountMinor, line.currency)];
  }
}

const SUMMARY_COLUMNS = [
  { key: "item", width: "70%" },
  { key: "amount", width: "30%", right: true },
] as const;

/** The bilingual statement of one settlement batch: header, the statement's lines, then the collections it settled. */
export function SettlementStatementDocument({ data, labels }: { data: BatchPdfData; labels: BatchPdfLabels }) {
  const { statement } = data;
  const collections = statement.lines.filter((line): line is Extract<StatementLine, { kind: "collection" }> => line.kind === "collection");
  return (
    <StatementFrame
      documentTitle={`${labels.title.en} ${statement.currency} ${data.runDate} · ${data.holder.nameEn}`}
      holder={data.holder}
      title={labels.title}
      fields={
        <>
          <LabelledValue label={labels.runDate}>{data.runDate}</LabelledValue>
          <LabelledValue label={labels.currency}>{statement.currency}</LabelledValue>
          <LabelledValue label={labels.payoutCurrency}>{statement.payoutCurrency}</LabelledValue>
          <LabelledValue label={labels.status}>{both(data.statusName, data.status)}</LabelledValue>
          <LabelledValue label={labels.payoutReference}>{data.status === "held" ? "" : (data.payoutReference ?? both(labels.pending, ""))}</LabelledValue>
          <LabelledValue label={labels.batch}>{data.batchId}</LabelledValue>
          <LabelledValue label={labels.generated}>{data.generatedAt}</LabelledValue>
        </>
      }
      footer={`${data.holder.nameEn} · ${statement.currency} · ${data.runDate}`}
      pageLabel={labels.page}
    >
      <SectionTitle text={labels.summary} />
      <View style={styles.table}>
        <TableHead columns={SUMMARY_COLUMNS} labels={labels} />
        {statement.lines.map((line, index) => {
          const cells = summaryCells(line, data, labels);
          const subtotal = line.kind === "gross" || line.kind === "settled" || line.kind === "net";
          return cells ? <TableRow key={`${line.kind}-${index}`} columns={SUMMARY_COLUMNS} cells={cells} bold={subtotal} /> : null;
        })}
      </View>
      <Text style={[styles.muted, { marginBottom: 12 }]}>{data.status === "held" ? both(labels.held, "") : both(labels.reconciled, "")}</Text>

      <SectionTitle text={labels.collections} />
      <View style={styles.table}>
        <TableHead columns={COLLECTION_COLUMNS} labels={labels} />
        {collections.map((line, index) => (
          <TableRow
            key={`${line.reference}-${index}`}
            columns={COLLECTION_COLUMNS}
            cells={[
              line.clearedOn,
              `${line.reference}\n${both(data.sourceNames[line.source], line.source)}`,
              formatAmount(line.amountMinor, line.currency, "en"),
              line.feesMinor > 0n ? `-${formatAmount(line.feesMinor, line.currency, "en")}` : "",
              formatAmount(line.amountMinor - line.feesMinor, line.currency, "en"),
            ]}
          />
        ))}
      </View>
    </StatementFrame>
  );
}
