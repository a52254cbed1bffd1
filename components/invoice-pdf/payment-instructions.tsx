import { Link, Text, View } from "@react-pdf/renderer";
import { formatRfReference } from "@/lib/domain/statements/rf-reference";
import type { BilingualText, InvoicePdfData, PdfLabels } from "./invoice-pdf-data";
import { LabelledValue, SectionTitle } from "./bilingual";
import { styles } from "./styles";

function detailLabel(field: string, labels: PdfLabels): BilingualText {
  return field in labels ? labels[field as keyof PdfLabels] : { en: field, zh: "" };
}

/** Where to send the money, the RF reference to quote, and the pay link. */
export function PaymentInstructions({ data, labels }: { data: InvoicePdfData; labels: PdfLabels }) {
  const account = data.collectionAccount;
  return (
    <View style={styles.instructions} wrap={false}>
      <SectionTitle text={labels.paymentInstructions} />
      {account ? (
        <View>
          <Text style={[styles.strong, { marginBottom: 4 }]}>
            {labels.payByTransfer.en} {labels.payByTransfer.zh}
          </Text>
          <LabelledValue label={labels.accountHolder}>{account.accountHolder}</LabelledValue>
          <LabelledValue label={labels.bankName}>{account.bankName}</LabelledValue>
          <LabelledValue label={labels.bankAddress}>{account.bankAddress}</LabelledValue>
          {account.details.map(([field, value]) => (
            <LabelledValue key={field} label={detailLabel(field, labels)}>
              {value}
            </LabelledValue>
          ))}
        </View>
      ) : (
        <Text>
          {labels.noAccount.en} {labels.noAccount.zh}
        </Text>
      )}
      {data.rfReference ? (
        <View style={{ marginTop: 6 }}>
          <Text style={styles.labelEn}>{labels.reference.en}</Text>
          <Text style={styles.labelZh}>{labels.reference.zh}</Text>
          <Text style={styles.reference}>{formatRfReference(data.rfReference)}</Text>
        </View>
      ) : null}
      {data.payUrl ? (
        <View style={{ marginTop: 6 }}>
          <LabelledValue label={labels.payOnline}>
            <Link src={data.payUrl}>{data.payUrl}</Link>
          </LabelledValue>
        </View>
      ) : null}
    </View>
  );
}
