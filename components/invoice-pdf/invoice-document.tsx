import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { InvoicePdfData, PdfLabels } from "./invoice-pdf-data";
import { LabelledValue } from "./bilingual";
import { LineItems, Totals } from "./line-items";
import { BuyerAndShipment, DocumentHeader } from "./parties";
import { PaymentInstructions } from "./payment-instructions";
import { PaymentSchedule } from "./payment-schedule";
import { styles } from "./styles";

/** The bilingual invoice as a PDF document; drafts and void invoices carry a watermark on every page. */
export function InvoiceDocument({ data, labels }: { data: InvoicePdfData; labels: PdfLabels }) {
  const title = [data.number, data.seller.nameEn].filter(Boolean).join(" · ");
  return (
    <Document title={`${labels.title.en} ${title}`} author={data.seller.nameEn} language="en">
      <Page size="A4" style={styles.page}>
        {data.watermark ? (
          <Text style={styles.watermark} fixed>
            {labels[data.watermark].en} {labels[data.watermark].zh}
          </Text>
        ) : null}
        <DocumentHeader data={data} labels={labels} title={labels.title} withCurrency />
        <BuyerAndShipment data={data} labels={labels} />
        <LineItems data={data} labels={labels} />
        <Totals data={data} labels={labels} />
        <PaymentSchedule data={data} labels={labels} />
        <PaymentInstructions data={data} labels={labels} />
        {data.notes ? (
          <View>
            <LabelledValue label={labels.notes}>{data.notes}</LabelledValue>
          </View>
        ) : null}
        <View style={styles.footer} fixed>
          <Text>{[data.seller.nameEn, data.number].filter(Boolean).join(" · ")}</Text>
          <Text render={({ pageNumber, totalPages }) => `${labels.page.en} ${labels.page.zh} ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
