import { CamtReader } from "./camt";
import { CAMT_TAIL, camtEntry, camtHead } from "./fixtures/writers";
import { parseFragment } from "./xml-node";
import { XmlFragmentScanner } from "./xml-scanner";
import { XMLParser, XMLValidator } from "fast-xml-parser";
const tx = { account: "DE89370400440532013000", currency: "EUR", direction: "credit" as const, amountMinor: 1234n, bookingDate: "2026-03-02", valueDate: "2026-03-02", bankRef: "BR1", ref: "E2E-1", text: "Payment for invoice INV-2026-000001 thank you for your business", party: "Buyer number 1 Trading Company Limited", reversal: false };
const entry = camtEntry(tx);
const N = 20000;
const body: string[] = [];
let chunk = camtHead(tx.account, "EUR", 0n, 0n);
for (let i = 0; i < N; i++) { chunk += entry; if (chunk.length > 65536) { body.push(chunk); chunk = ""; } }
body.push(chunk + CAMT_TAIL);
function time(label: string, f: () => void) { const t = performance.now(); f(); console.log(label, (((performance.now() - t) * 1000) / N).toFixed(1), "µs/entry"); }
time("validate", () => { for (let i = 0; i < N; i++) XMLValidator.validate(entry); });
const p = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, processEntities: false, htmlEntities: false, parseTagValue: false, parseAttributeValue: false, ignoreDeclaration: true, ignorePiTags: true, trimValues: true });
time("parse", () => { for (let i = 0; i < N; i++) p.parse(entry); });
time("parseFragment", () => { for (let i = 0; i < N; i++) parseFragment(entry, 1, "x"); });
time("scanner", () => { const s = new XmlFragmentScanner((path) => path.length === 4 || (path.length === 3 && path[2] !== "Stmt")); let n = 0; for (const c of body) n += s.push(c).length; n += s.end().length; });
time("reader", () => { const r = new CamtReader(); let n = 0; for (const c of body) n += r.push(c).length; n += r.end().length; });
