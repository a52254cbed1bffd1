import type { XmlNode } from "./xml-node";

/**
 * A fast path for the plain elements bank entries are made of: unprefixed elements, quoted attributes, text-only
 * leaves, and whitespace between elements. It builds what fast-xml-parser builds from them (attributes as "@name",
 * a leaf's text as its value, "#text" beside attributes, repeated children as arrays) and returns undefined for
 * anything else — entities, CDATA, comments, processing instructions, prefixes, mixed content, reserved names,
 * odd spacing or any malformation — which then takes the validating parser, with its refusals.
 */
export function parseSimpleElement(xml: string): XmlNode | undefined {
  // Line ends as fast-xml-parser reads them.
  const reader = new SimpleReader(xml.includes("\r") ? xml.replace(/\r\n?/g, "\n") : xml);
  const root = reader.element(0);
  if (!root || reader.rest().trim() !== "") return undefined;
  return { [root[0]]: root[1] };
}

/** Names fast-xml-parser refuses or renames (it compares them case-insensitively). */
const RESERVED = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "hasownproperty",
  "tostring",
  "valueof",
  "__definegetter__",
  "__definesetter__",
  "__lookupgetter__",
  "__lookupsetter__",
]);
const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const ATTRIBUTE = /[ \t\r\n]+([A-Za-z_][A-Za-z0-9_.-]*)=(?:"([^"<&]*)"|'([^'<&]*)')/y;
const MAX_DEPTH = 50;
const LT = 60;
const GT = 62;
const SLASH = 47;

const plainName = (name: string) => !RESERVED.has(name.toLowerCase()) && !name.toLowerCase().startsWith("xml");

class SimpleReader {
  pos = 0;

  constructor(private readonly xml: string) {}

  rest(): string {
    return this.xml.slice(this.pos);
  }

  /** The element at `pos` as [name, value], or undefined when it is not plain. */
  element(depth: number): [string, unknown] | undefined {
    const xml = this.xml;
    if (depth > MAX_DEPTH || xml.charCodeAt(this.pos) !== LT) return undefined;
    NAME.lastIndex = this.pos + 1;
    const name = NAME.exec(xml)?.[0];
    if (name === undefined || !plainName(name)) return undefined;
    this.pos = NAME.lastIndex;
    let attributes: Record<string, string> | undefined;
    for (let match = this.attribute(); match; match = this.attribute()) {
      const [key, value] = match;
      attributes ??= {};
      if (Object.hasOwn(attributes, key)) return undefined;
      attributes[key] = value;
    }
    if (xml.charCodeAt(this.pos) === SLASH && xml.charCodeAt(this.pos + 1) === GT) {
      this.pos += 2;
      return [name, attributes ?? ""];
    }
    if (xml.charCodeAt(this.pos) !== GT) return undefined;
    this.pos++;
    let text = "";
    let children: Record<string, unknown> | undefined;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt === -1) return undefined;
      const segment = xml.slice(this.pos, lt);
      if (segment.includes("&")) return undefined;
      if (segment.trim() !== "") {
        if (text !== "" || children) return undefined;
        text = segment.trim();
      }
      this.pos = lt;
      if (xml.charCodeAt(lt + 1) === SLASH) {
        const close = `</${name}>`;
        if (!xml.startsWith(close, lt)) return undefined;
        this.pos = lt + close.length;
        break;
      }
      if (text !== "") return undefined;
      const child = this.element(depth + 1);
      if (!child) return undefined;
      children ??= {};
      const [childName, value] = child;
      const earlier = Object.hasOwn(children, childName) ? children[childName] : undefined;
      if (earlier === undefined) children[childName] = value;
      else if (Array.isArray(earlier)) earlier.push(value);
      else children[childName] = [earlier, value];
    }
    if (children) return [name, { ...children, ...attributes }];
    if (!attributes) return [name, text];
    return [name, text === "" ? attributes : { "#text": text, ...attributes }];
  }

  /** The next attribute as ["@name", value], consuming it; undefined when the tag goes on otherwise. */
  private attribute(): [string, string] | undefined {
    ATTRIBUTE.lastIndex = this.pos;
    const match = ATTRIBUTE.exec(this.xml);
    if (!match) return undefined;
    const value = match[2] ?? match[3]!;
    // Values with surrounding space, names fast-xml-parser treats apart: left to it (by failing the tag's end).
    if (!plainName(match[1]!) || value !== value.trim()) return undefined;
    this.pos = ATTRIBUTE.lastIndex;
    return [`@${match[1]}`, value];
  }
}
