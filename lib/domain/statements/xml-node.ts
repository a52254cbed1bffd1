import { XMLParser, XMLValidator } from "fast-xml-parser";
import { SAFE_XML_PARSER_OPTIONS } from "../xml/safe-parser-options";
import { StatementParseError } from "./errors";

export type XmlNode = Record<string, unknown>;

// Entities stay unprocessed by the parser and are decoded here: only XML's five and character references, since a
// DTD (the only source of other entities) is refused before parsing.
const parser = new XMLParser({
  ...SAFE_XML_PARSER_OPTIONS,
  trimValues: true,
  // Callbacks get a matcher instead of a path string built for every tag (a large share of the parse time).
  jPath: false,
});

/** Parses one element's XML; a syntax error reports its line in the whole file and the element's path. */
export function parseFragment(xml: string, firstLine: number, element: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const line = firstLine + valid.err.line - 1;
    throw new StatementParseError("xml_malformed", { line, element, detail: valid.err.msg }, `Malformed XML: ${valid.err.msg}`);
  }
  return parser.parse(xml) as XmlNode;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith("#")) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return NAMED[ref] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

export function all(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== "object") return [];
  const value = (node as XmlNode)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => (item && typeof item === "object" ? (item as XmlNode) : { "#text": item }));
}

/** The first element along a path of child names. */
export function one(node: unknown, ...names: string[]): XmlNode | undefined {
  let current: unknown = node;
  for (const name of names) {
    current = all(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current as XmlNode;
}

/** The text of the first element along a path, decoded and trimmed; undefined when absent or empty. */
export function textAt(node: unknown, ...names: string[]): string | undefined {
  const found = one(node, ...names);
  return found ? textOf(found) : undefined;
}

export function textOf(node: XmlNode): string | undefined {
  const raw = node["#text"];
  if (raw === undefined || raw === null || typeof raw === "object") return undefined;
  const text = decodeEntities(String(raw)).trim();
  return text === "" ? undefined : text;
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === "string" ? decodeEntities(value).trim() : undefined;
}
