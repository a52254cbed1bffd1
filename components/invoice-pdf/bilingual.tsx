import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { BilingualText } from "./invoice-pdf-data";
import { styles } from "./styles";

/** A label in English with its Chinese below, as on Chinese export paperwork. */
export function BilingualLabel({ text, align }: { text: BilingualText; align?: "right" }) {
  return (
    <View>
      <Text style={align ? [styles.labelEn, styles.right] : styles.labelEn}>{text.en}</Text>
      <Text style={align ? [styles.labelZh, styles.right] : styles.labelZh}>{text.zh}</Text>
    </View>
  );
}

/** A section heading: "Seller 卖方". */
export function SectionTitle({ text }: { text: BilingualText }) {
  return (
    <Text style={styles.sectionTitle}>
      {text.en} {text.zh}
    </Text>
  );
}

/** One labelled value; nothing is printed when the value is empty. */
export function LabelledValue({ label, children }: { label: BilingualText; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <View style={styles.field} wrap={false}>
      <View style={styles.fieldLabel}>
        <BilingualLabel text={label} />
      </View>
      <Text style={styles.fieldValue}>{children}</Text>
    </View>
  );
}
