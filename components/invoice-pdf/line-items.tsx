import { Text, View } from "@react-pdf/renderer";
import { formatAmount, formatMoney, minorUnits } from "@/lib/domain/money";
import type { BilingualText, InvoicePdfData, PdfLabels } from "./invoice-pdf-data";
import { BilingualLabel } from "./bilingual";
import { printDecimal } from "./format";
import { styles } from "./styles";

const COLUMNS = [
  { key: "lineNumber", width: "6%" },
  { key: "description", width: "32%" },
  { key: "hsCode", width: "11%" },
  { key: "quantity", width: "11%", right: true },
  { key: "unit", width: "8%" },
  { key: "unitPrice", width: "14%", right: true },
  { key: "amount", width: "18%", right: true },
] as const;

/** The goods, one row each, with the head repeated on every page. */
export function LineItems({ data, labels }: { data: InvoicePdfData; labels: PdfLabels }) {
  const priceDigits = minorUnits(data.currency);
  return (
    <View style={styles.table}>
      <View style={styles.tableHead} fixed>
        {COLUMNS.map((column) => (
          <View key={column.key} style={[styles.cell, { width: column.width }]}>
            <BilingualLabel text={labels[column.key]} align={"right" in column ? "right" : undefined} />
          </View>
        ))}
      </View>
      {data.lines.map((line, index) => {
        const cells = [
          String(index + 1),
          line.description,
          line.hsCode ?? "",
          printDecimal(line.quantity),
          line.unit,
          printDecimal(line.unitPrice, priceDigits),
          formatAmount(line.amountMinor, data.currency, "en"),
        ];
        return (
          <View key={index} style={styles.tableRow} wrap={false}>
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

function TotalRow({ label, value }: { label: BilingualText; value: string }) {
  return (
    <View style={styles.totalRow}>
      <BilingualLabel text={label} />
      <Text>{value}</Text>
    </View>
  );
}

/** Subtotal, the discount and each charge when there is one, and the total in the invoice currency. */
export function Totals({ data, labels }: { data: InvoicePdfData; labels: PdfLabels }) {
  const amount = (minor: bigint) => formatAmount(minor, data.currency, "en");
  const adjustments: [BilingualText, bigint, boolean][] = [
    [labels.discount, data.discountMinor, true],
    [labels.freight, data.freightMinor, false],
    [labels.insurance, data.insuranceMinor, false],
    [labels.otherCharges, data.otherChargesMinor, false],
  ];
  return (
    <View style={styles.totals} wrap={false}>
      <TotalRow label={labels.subtotal} value={amount(data.subtotalMinor)} />
      {adjustments
        .filter(([, minor]) => minor > 0n)
        .map(([label, minor, deducted]) => (
          <TotalRow key={label.en} label={label} value={amount(deducted ? -minor : minor)} />
        ))}
      <View style={styles.grandTotal}>
        <BilingualLabel text={labels.total} />
        <Text style={styles.grandTotalValue}>{formatMoney(data.totalMinor, data.currency, "en", { display: "code" })}</Text>
      </View>
    </View>
  );
}
