import type { X2jOptions } from "fast-xml-parser";

/**
 * How Quayside reads XML from outside (bank statements, rate files): attributes kept as "@name", namespace prefixes
 * dropped, values left as text for exact parsing, and no entity processing — callers refuse DTDs before parsing.
 */
export const SAFE_XML_PARSER_OPTIONS: Partial<X2jOptions> = {
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
};
