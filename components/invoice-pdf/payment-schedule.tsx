import { Text, View } from "@react-pdf/renderer";
import { formatAmount } from "@/lib/domain/money";
import type { BilingualText, InvoicePdfData, InvoicePdfInstalment, PdfLabels } from "./invoice-pdf-data";
import { BilingualLabel, SectionTitle } from "./bilingual";
import { printShare } from "./format";
import { styles } from "./styles";

const COLUMNS = [
  { key: "instalment", width: "34%" },
  { key: "share", width: "14%", right: true },
  { key: "dueDate", width: "30%" },
  { key: "amount", width: "22%", right: true },
] as const;

function instalmentName(label: string, position: number, labels: PdfLabels): BilingualText {
  if (label === "deposit" || label === "balance" || label === "full") return labels[label];
  return { en: `${labels.instalment.en} ${position}`, zh: `${labels.instalment.zh} ${position}` };
}

function dueText(instalment: InvoicePdfInstalment, labels: PdfLabels): string {
  if (instalment.dueDate) return instalment.dueDate;
  const days = String(instalment.daysAfterBillOfLading ?? 0);
  const { en, zh } = labels.dueAfterBillOfLading;
  return `${en.replace("{days}", days)}\n${zh.replace("{days}", days)}`;
}

/** What is due when: one row for a single due date, or the deposit and the balance. */
export function PaymentSchedule({ data, labels }: { data: InvoicePdfData; labels: PdfLabels }) {
  if (data.instalments.length === 0) return null;
  return (
    <View wrap={false} style={{ marginBottom: 12 }}>
      <SectionTitle text={labels.schedule} />
      <View style={styles.tableHead}>
        {COLUMNS.map((column) => (
          <View key={column.key} style={[styles.cell, { width: column.width }]}>
            <BilingualLabel text={labels[column.key]} align={"right" in column ? "right" : undefined} />
          </View>
        ))}
      </View>
      {data.instalments.map((instalment, index) => {
        const name = instalmentName(instalment.label, index + 1, labels);
        const cells = [
          `${name.en} ${name.zh}`,
          printShare(instalment.shareBps),
          dueText(instalment, labels),
          formatAmount(instalment.amountMinor, data.currency, "en"),
        ];
        return (
          <View key={index} style={styles.tableRow}>
            {COLUMNS.map((column, at) => (
              <Text key={column.key} style={"right" in column ? [styles.cell, styles.right, { width: column.width }] : [styles.cell, { width: column.width }]}>
                {cells[at]}
              </Text>
            ))}
          </View>
        );
      })}
    </View>
  );
}
