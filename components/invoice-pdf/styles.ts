import { StyleSheet } from "@react-pdf/renderer";

/** The family the server registers with a font that has CJK glyphs (lib/server/invoice-pdf/fonts.ts). */
export const PDF_FONT_FAMILY = "NotoSansSC";

const INK = "#0f172a";
const MUTED = "#64748b";
const RULE = "#cbd5e1";
const BAND = "#f1f5f9";

export const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9, color: INK, paddingTop: 36, paddingBottom: 48, paddingHorizontal: 40, lineHeight: 1.5 },
  watermark: {
    position: "absolute",
    top: 330,
    left: 70,
    fontSize: 96,
    fontWeight: 700,
    color: "#e2e8f0",
    transform: "rotate(-35deg)",
  },
  header: { flexDirection: "row", justifyContent: "space-between", gap: 20, marginBottom: 18 },
  // The bold face reports a shorter line than it draws: the margin keeps the Chinese line below clear of it.
  sellerName: { fontSize: 13, fontWeight: 700, marginBottom: 5 },
  sellerNameZh: { fontSize: 11, marginBottom: 3 },
  muted: { color: MUTED },
  titleBox: { width: 230 },
  title: { fontSize: 16, fontWeight: 700, marginBottom: 6 },
  titleZh: { fontSize: 12, marginBottom: 6 },
  row: { flexDirection: "row" },
  columns: { flexDirection: "row", gap: 16, marginBottom: 14 },
  column: { flex: 1 },
  sectionTitle: { fontSize: 10, fontWeight: 700, borderBottomWidth: 1, borderBottomColor: RULE, paddingBottom: 2, marginBottom: 5 },
  labelEn: { fontSize: 7.5, color: MUTED },
  labelZh: { fontSize: 7, color: MUTED },
  field: { flexDirection: "row", marginBottom: 3 },
  fieldLabel: { width: 92, paddingRight: 6 },
  fieldValue: { flex: 1 },
  strong: { fontWeight: 700 },
  table: { borderTopWidth: 1, borderTopColor: RULE, marginBottom: 8 },
  tableHead: { flexDirection: "row", backgroundColor: BAND, paddingVertical: 3 },
  tableRow: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 4 },
  cell: { paddingHorizontal: 3 },
  right: { textAlign: "right" },
  totals: { alignSelf: "flex-end", width: 250, marginBottom: 14 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  grandTotal: { flexDirection: "row", justifyContent: "space-between", borderTopWidth: 1, borderTopColor: INK, marginTop: 3, paddingTop: 4 },
  grandTotalValue: { fontSize: 11, fontWeight: 700 },
  instructions: { borderWidth: 1, borderColor: RULE, borderRadius: 3, padding: 8, marginBottom: 12 },
  reference: { fontSize: 13, fontWeight: 700, letterSpacing: 1, marginTop: 2 },
  footer: { position: "absolute", bottom: 22, left: 40, right: 40, flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: MUTED },
});
