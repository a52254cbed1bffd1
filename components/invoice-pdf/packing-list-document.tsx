import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { InvoicePdfData, PdfLabels } from "./invoice-pdf-data";
import { BilingualLabel } from "./bilingual";
import { printDecimal } from "./format";
import { BuyerAndShipment, DocumentHeader } from "./parties";
import { styles } from "./styles";

const COLUMNS = [
  { key: "lineNumber", width: "8%" },
  { key: "description", width: "50%" },
  { key: "hsCode", width: "16%" },
  { key: "quantity", width: "16%", right: true },
  { key: "unit", width: "10%" },
] as const;

/** The packing list that goes with an invoice: the same parties and shipment, the goods without prices. */
export function PackingListDocument({ data, labels }: { data: InvoicePdfData; labels: PdfLabels }) {
  return (
    <Document title={`${labels.packingListTitle.en} ${data.number ?? ""}`.trim()} author={data.seller.nameEn} language="en">
      <Page size="A4" style={styles.page}>
        <DocumentHeader data={data} labels={labels} title={labels.packingListTitle} withCurrency={false} />
        <BuyerAndShipment data={data} labels={labels} />
        <View style={styles.table}>
          <View style={styles.tableHead} fixed>
            {COLUMNS.map((column) => (
              <View key={column.key} style={[styles.cell, { width: column.width }]}>
                <BilingualLabel text={labels[column.key]} align={"right" in column ? "right" : undefined} />
              </View>
            ))}
          </View>
          {data.lines.map((line, index) => {
            const cells = [String(index + 1), line.description, line.hsCode ?? "", printDecimal(line.quantity), line.unit];
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
      </Page>
    </Document>
  );
}
