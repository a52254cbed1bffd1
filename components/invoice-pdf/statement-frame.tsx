import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { BilingualLabel } from "./bilingual";
import type { BilingualText } from "./invoice-pdf-data";
import { styles } from "./styles";

export type PdfColumn<Key extends string> = { key: Key; width: string; right?: boolean };

/** A table's bilingual column heads, repeated on every page. */
export function TableHead<Key extends string>({ columns, labels }: { columns: readonly PdfColumn<Key>[]; labels: Record<Key, BilingualText> }) {
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

/** One table row of plain cells, never split across pages. */
export function TableRow({ columns, cells, bold }: { columns: readonly PdfColumn<string>[]; cells: string[]; bold?: boolean }) {
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

interface StatementFrameProps {
  documentTitle: string;
  holder: { nameEn: string; nameZh: string | null };
  title: BilingualText;
  /** The labelled values under the title. */
  fields: ReactNode;
  /** What the footer names beside the page number. */
  footer: string;
  pageLabel: BilingualText;
  children: ReactNode;
}

/** The A4 page of a bilingual statement: the holder's names, the title with its fields, and a numbered footer. */
export function StatementFrame({ documentTitle, holder, title, fields, footer, pageLabel, children }: StatementFrameProps) {
  return (
    <Document title={documentTitle} author="Quayside" language="en">
      <Page size="A4" style={styles.page}>
        <View style={styles.header}>
          <View style={styles.column}>
            <Text style={styles.sellerName}>{holder.nameEn}</Text>
            {holder.nameZh ? <Text style={styles.sellerNameZh}>{holder.nameZh}</Text> : null}
          </View>
          <View style={styles.titleBox}>
            <Text style={styles.title}>{title.en}</Text>
            <Text style={styles.titleZh}>{title.zh}</Text>
            {fields}
          </View>
        </View>

        {children}

        <View style={styles.footer} fixed>
          <Text>{footer}</Text>
          <Text render={({ pageNumber, totalPages }) => `${pageLabel.en} ${pageLabel.zh} ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
