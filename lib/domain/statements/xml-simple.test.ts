import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { SAFE_XML_PARSER_OPTIONS } from "../xml/safe-parser-options";
import { parseSimpleElement } from "./xml-simple";

const parser = new XMLParser({ ...SAFE_XML_PARSER_OPTIONS, trimValues: true, jPath: false });

interface Element {
  name: string;
  attributes: [string, string, string][];
  content: string | Element[];
  selfClosing: boolean;
}

const space = fc.constantFrom("", " ", "\n  ", "\r\n", "\t");
// Mostly what the fast path takes, with now and then what it must leave alone.
const text = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[ a-zA-Z0-9.,:>"'\r\n\t\u00a0-]{0,12}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[ a-z&;<#0-9]{0,8}$/) },
);
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("Ntry", "Amt", "Cd", "Nm", "B", "isPrototypeOf") },
  { weight: 1, arbitrary: fc.constantFrom("ns:Ref", "toString", "xmlns", "1x") },
);
const attribute = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom("Ccy", "x") }, { weight: 1, arbitrary: fc.constantFrom("ns:y", "xmlns", "__proto__") }),
  text,
  fc.constantFrom('"', "'"),
);
const element: fc.Arbitrary<Element> = fc.letrec<{ element: Element }>((tie) => ({
  element: fc.record({
    name,
    attributes: fc.array(attribute, { maxLength: 2 }),
    content: fc.oneof({ depthSize: "small" }, text, fc.array(tie("element"), { maxLength: 3 })),
    selfClosing: fc.boolean(),
  }),
})).element;

function write(e: Element, gap: string): string {
  const attributes = e.attributes.map(([key, value, quote]) => ` ${key}=${quote}${value.replaceAll(quote, "")}${quote}`).join("");
  if (e.selfClosing && e.content.length === 0) return `<${e.name}${attributes}/>`;
  const inner = typeof e.content === "string" ? e.content : e.content.map((child) => gap + write(child, gap)).join("") + gap;
  return `<${e.name}${attributes}>${inner}</${e.name}>`;
}

describe("the plain-element fast path", () => {
  it("gives what fast-xml-parser gives, and only for what its validator accepts", () => {
    fc.assert(
      fc.property(element, space, fc.option(fc.nat(200), { freq: 2 }), (root, gap, cut) => {
        const whole = write(root, gap);
        const xml = cut === null ? whole : whole.slice(0, cut) + whole.slice(cut + 1);
        const fast = parseSimpleElement(xml);
        if (fast === undefined) return;
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(fast).toEqual(parser.parse(xml));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves entities, CDATA, comments, prefixes and mixed content to the validating parser", () => {
    for (const xml of ["<A>&amp;</A>", "<A><![CDATA[x]]></A>", "<A><!-- c --></A>", "<n:A/>", "<A>t<B/></A>", "<A x=\"1\" x=\"2\"/>", "<A>"]) {
      expect(parseSimpleElement(xml)).toBeUndefined();
    }
  });
});
