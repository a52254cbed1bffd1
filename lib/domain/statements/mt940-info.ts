import { cleanText } from "./reference";

/** What a :86: field says about its :61: line. */
export interface Mt940Info {
  text?: string;
  party?: string;
  endToEndId?: string;
  structuredRef?: string;
}

const SEPA_KEYS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC)\+/g;

/** German DFÜ layout: "166?00SEPA-GUTSCHRIFT?20EREF+…?21SVWZ+…?32NAME". */
function subfields(joined: string): Mt940Info {
  const fields = new Map<string, string[]>();
  const parts = joined.split(/\?(\d{2})/);
  for (let i = 1; i < parts.length; i += 2) {
    const code = parts[i]!;
    fields.set(code, [...(fields.get(code) ?? []), parts[i + 1] ?? ""]);
  }
  const pick = (codes: string[]) => codes.flatMap((code) => fields.get(code) ?? []);
  const remittanceCodes = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63].map(String);
  const remittanceParts = pick(remittanceCodes);
  const party = cleanText(pick(["32", "33"]).join(""));
  // SEPA keywords mean the sub-fields are one text cut every 27 characters, so they join without a space.
  const sepa = remittanceParts.join("");
  if (/^(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE)\+/.test(sepa)) {
    const keyed = new Map<string, string>();
    const pieces = sepa.split(SEPA_KEYS);
    for (let i = 1; i < pieces.length; i += 2) keyed.set(pieces[i]!, (keyed.get(pieces[i]!) ?? "") + (pieces[i + 1] ?? ""));
    return { text: cleanText(keyed.get("SVWZ")), party, endToEndId: cleanText(keyed.get("EREF")) };
  }
  return { text: cleanText(remittanceParts.join(" ")), party };
}

const TAGS = "EREF|REMI|NAME|ORDP|BENM|CNTP|TRTP|IBAN|BIC|CSID|MARF|PREF|RTRN|ADDR|ID|USTD|STRD|CUR|ISDT|PURP|ULTC|ULTD|ULTB|ULTE|OCMT|CHGS|EXCH|SVCL|BUSP|CREF";
const TAG = new RegExp(`/(${TAGS})(?=/)`, "g");
const PARTY_OWNERS = new Set(["ORDP", "BENM", "CNTP", "ULTC", "ULTD", "ULTB", "ULTE"]);
const PARTY_DETAILS = new Set(["NAME", "ADDR", "ID", "IBAN", "BIC"]);

/** SWIFT-style tags: "/EREF/…/REMI/USTD//…/ORDP//NAME/…" or "/CNTP/IBAN/BIC/NAME/CITY/". */
function tagged(joined: string, direction: "credit" | "debit"): Mt940Info {
  const matches = [...joined.matchAll(TAG)];
  const values = new Map<string, string>();
  const names = new Map<string, string>();
  let owner = "";
  matches.forEach((match, i) => {
    const key = match[1]!;
    const start = match.index + match[0].length + 1;
    const end = matches[i + 1]?.index ?? joined.length;
    const value = joined.slice(start, Math.max(start, end)).replace(/^\/+|\/+$/g, "");
    if (PARTY_OWNERS.has(key)) owner = key;
    else if (!PARTY_DETAILS.has(key)) owner = "";
    if (key === "NAME") names.set(owner, names.get(owner) ?? value);
    else if (!values.has(key)) values.set(key, value);
  });
  const ownSide = direction === "credit" ? "ORDP" : "BENM";
  const counterpartyName = names.get("CNTP") ?? values.get("CNTP")?.split("/")[2];
  const party = names.get(ownSide) ?? values.get(ownSide) ?? counterpartyName ?? names.get("");
  const text = values.get("USTD") ?? (values.has("STRD") ? undefined : values.get("REMI"));
  return {
    text: cleanText(text),
    party: cleanText(party),
    endToEndId: cleanText(values.get("EREF")),
    structuredRef: cleanText(values.get("CUR")),
  };
}

/** Reads a :86: field (its lines without the tag) in whichever layout the bank used. */
export function parseMt940Info(lines: readonly string[], direction: "credit" | "debit"): Mt940Info {
  // Structured layouts wrap at 65 characters wherever the text happens to be, so their lines join without a space.
  const joined = lines.join("");
  if (/^(\d{3})?\?\d{2}/.test(joined)) return subfields(joined);
  if (/^\/[A-Z]{2,4}\//.test(joined)) return tagged(joined, direction);
  return { text: cleanText(lines.join(" ")) };
}
