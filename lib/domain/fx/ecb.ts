import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parsePositiveRate, plain } from "./decimal";
import { SAFE_XML_PARSER_OPTIONS } from "../xml/safe-parser-options";

/** One day of the ECB's euro reference rates: 1 EUR = rates[currency] units of currency. */
export interface EcbDay {
  /** YYYY-MM-DD, the ECB's reference date. */
  date: string;
  rates: Record<string, string>;
}

export class EcbFormatError extends Error {
  readonly code = "fx_ecb_format";
  constructor(readonly reason: string) {
    super(`Not an ECB reference-rate file: ${reason}`);
    this.name = "EcbFormatError";
  }
}

/** The full history file is about 6 MB; anything far larger is not what we asked for. */
export const MAX_ECB_FILE_BYTES = 64 * 1024 * 1024;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE = /^[A-Z]{3}$/;

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

type Node = Record<string, unknown>;
const asArray = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value && typeof value === "object" ? [value as Node] : []);

/**
 * Reads the ECB's eurofxref XML: the daily file, the 90-day history or the full history (gesmes:Envelope → Cube →
 * Cube[@time] → Cube[@currency @rate]). Refuses anything else: malformed XML, a DTD or entity declarations (never
 * expanded: no entity tricks), no dates, a bad date, currency or rate. Days come back oldest first.
 */
export function parseEcbXml(xml: string): EcbDay[] {
  if (xml.length > MAX_ECB_FILE_BYTES) throw new EcbFormatError("file too large");
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new EcbFormatError("DTDs and entity declarations are refused");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new EcbFormatError(`malformed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({ ...SAFE_XML_PARSER_OPTIONS, isArray: (name) => name === "Cube" });
  const document = parser.parse(xml) as Node;
  const envelope = document.Envelope as Node | undefined;
  if (!envelope || typeof envelope !== "object") throw new EcbFormatError("no gesmes:Envelope");
  const outer = asArray(envelope.Cube);
  if (outer.length !== 1) throw new EcbFormatError("expected exactly one outer Cube");
  const days = new Map<string, Record<string, string>>();
  for (const dayCube of asArray(outer[0]!.Cube)) {
    const date = dayCube["@time"];
    if (typeof date !== "string" || !validDate(date)) throw new EcbFormatError(`bad date ${JSON.stringify(date)}`);
    if (days.has(date)) throw new EcbFormatError(`date ${date} appears twice`);
    const rates: Record<string, string> = {};
    for (const rateCube of asArray(dayCube.Cube)) {
      const currency = rateCube["@currency"];
      const rate = rateCube["@rate"];
      if (typeof currency !== "string" || !CODE.test(currency)) throw new EcbFormatError(`bad currency ${JSON.stringify(currency)} on ${date}`);
      const parsed = typeof rate === "string" ? parsePositiveRate(rate) : null;
      if (!parsed) throw new EcbFormatError(`bad rate ${JSON.stringify(rate)} for ${currency} on ${date}`);
      if (currency in rates) throw new EcbFormatError(`${currency} appears twice on ${date}`);
      rates[currency] = plain(parsed);
    }
    if (Object.keys(rates).length === 0) throw new EcbFormatError(`no rates on ${date}`);
    days.set(date, rates);
  }
  if (days.size === 0) throw new EcbFormatError("no dated rates");
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, rates]) => ({ date, rates }));
}

/**
 * When the ECB's rates of `date` are "as of": their publication at about 16:00 Central European Time. The ECB's
 * time zone is Europe/Berlin's, so the instant follows its summer time.
 */
export function ecbAsOf(date: string): Date {
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(`${date}T${String(16 - offsetHours).padStart(2, "0")}:00:00Z`);
    const hour = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "numeric", hourCycle: "h23" }).format(candidate);
    if (Number(hour) === 16) return candidate;
  }
  return new Date(`${date}T15:00:00Z`);
}
