import { Text, View } from "@react-pdf/renderer";
import type { BilingualText, InvoicePdfData, PdfLabels } from "./invoice-pdf-data";
import { LabelledValue, SectionTitle } from "./bilingual";
import { styles } from "./styles";

/** Seller on the left; the document's title, the invoice number and date (and currency, on the invoice) on the right. */
export function DocumentHeader({ data, labels, title, withCurrency }: { data: InvoicePdfData; labels: PdfLabels; title: BilingualText; withCurrency: boolean }) {
  return (
    <View style={styles.header}>
      <View style={styles.column}>
        <Text style={styles.sellerName}>{data.seller.nameEn}</Text>
        {data.seller.nameZh ? <Text style={styles.sellerNameZh}>{data.seller.nameZh}</Text> : null}
        {data.seller.address ? <Text style={styles.muted}>{data.seller.address}</Text> : null}
        {data.seller.uscc ? (
          <Text style={styles.muted}>
            {labels.uscc.en} {labels.uscc.zh}: {data.seller.uscc}
          </Text>
        ) : null}
      </View>
      <View style={styles.titleBox}>
        <Text style={styles.title}>{title.en}</Text>
        <Text style={styles.titleZh}>{title.zh}</Text>
        <LabelledValue label={labels.number}>{data.number ?? `${labels.draft.en} ${labels.draft.zh}`}</LabelledValue>
        <LabelledValue label={labels.issueDate}>{data.issueDate}</LabelledValue>
        {withCurrency ? <LabelledValue label={labels.currency}>{data.currency}</LabelledValue> : null}
      </View>
    </View>
  );
}

/** The buyer beside the shipment: Incoterm and place, ports, bill of lading. */
export function BuyerAndShipment({ data, labels }: { data: InvoicePdfData; labels: PdfLabels }) {
  const incoterm = [data.incoterm, data.incotermPlace].filter(Boolean).join(" ");
  return (
    <View style={styles.columns}>
      <View style={styles.column}>
        <SectionTitle text={labels.buyer} />
        <Text style={styles.strong}>{data.buyer.name}</Text>
        {data.buyer.address ? <Text>{data.buyer.address}</Text> : null}
        <LabelledValue label={labels.country}>{data.buyer.country}</LabelledValue>
        <LabelledValue label={labels.taxId}>{data.buyer.taxId}</LabelledValue>
        <LabelledValue label={labels.email}>{data.buyer.email}</LabelledValue>
      </View>
      <View style={styles.column}>
        <SectionTitle text={labels.shipment} />
        <LabelledValue label={labels.incoterm}>{incoterm}</LabelledValue>
        <LabelledValue label={labels.portOfLoading}>{data.portOfLoading}</LabelledValue>
        <LabelledValue label={labels.portOfDischarge}>{data.portOfDischarge}</LabelledValue>
        <LabelledValue label={labels.billOfLading}>{data.billOfLadingNumber}</LabelledValue>
        <LabelledValue label={labels.billOfLadingDate}>{data.billOfLadingDate}</LabelledValue>
      </View>
    </View>
  );
}
