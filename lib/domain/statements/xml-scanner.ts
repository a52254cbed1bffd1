import { StatementParseError } from "./errors";

export type ScanEvent =
  | { type: "open"; path: readonly string[]; tag: string; line: number }
  | { type: "close"; path: readonly string[]; line: number }
  /** A whole captured element, raw, with the line it starts on. */
  | { type: "fragment"; path: readonly string[]; xml: string; line: number };

/** Largest single captured element (one Ntry); guards memory against a hostile file. */
export const MAX_FRAGMENT_CHARS = 8 * 1024 * 1024;

const NAME = /^[A-Za-z_][\w.:-]*$/;
const localName = (qualified: string): string => qualified.slice(qualified.lastIndexOf(":") + 1);

function refuse(detail: string, line: number, element?: string): never {
  throw new StatementParseError(
    "xml_malformed",
    element === undefined ? { line, detail } : { line, element, detail },
    `Malformed XML: ${detail}`,
  );
}

/**
 * Reads XML incrementally at the level of tags, keeping only the unfinished part in memory. Elements for which
 * `capture(path)` is true are handed out whole (to be parsed on their own); for the others only open and close
 * events. Checks that tags nest, that nothing but whitespace sits outside captured elements, and refuses
 * DTDs outright.
 */
export class XmlFragmentScanner {
  private buf = "";
  private pos = 0;
  private line = 1;
  /** Index of the first "\n" at or after pos (buf.length when none yet), so lines are counted in one pass. */
  private nextNewline = -1;
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  private capture: { depth: number; start: number; line: number } | null = null;
  private seenRoot = false;

  constructor(private readonly shouldCapture: (path: readonly string[]) => boolean) {}

  push(chunk: string): ScanEvent[] {
    const keep = this.capture ? this.capture.start : this.pos;
    this.buf = this.buf.slice(keep) + chunk;
    this.pos -= keep;
    if (this.capture) this.capture.start = 0;
    this.nextNewline = this.findNewline(this.pos);
    const events: ScanEvent[] = [];
    this.scan(events, false);
    return events;
  }

  end(): ScanEvent[] {
    const events: ScanEvent[] = [];
    this.scan(events, true);
    if (this.stack.length > 0) refuse(`unexpected end of file inside <${this.stack.at(-1)}>`, this.line, this.stack.at(-1));
    if (!this.seenRoot) refuse("no root element", this.line);
    return events;
  }

  private findNewline(from: number): number {
    const at = this.buf.indexOf("\n", from);
    return at === -1 ? this.buf.length : at;
  }

  private advance(to: number): void {
    while (this.nextNewline < to) {
      this.line++;
      this.nextNewline = this.findNewline(this.nextNewline + 1);
    }
    this.pos = to;
  }

  private scan(events: ScanEvent[], final: boolean): void {
    const buf = this.buf;
    while (this.pos < buf.length) {
      const lt = buf.indexOf("<", this.pos);
      const textEnd = lt === -1 ? buf.length : lt;
      if (!this.capture && /\S/.test(buf.slice(this.pos, textEnd))) {
        this.advance(this.pos + buf.slice(this.pos, textEnd).search(/\S/));
        refuse("text outside an element", this.line, this.stack.at(-1));
      }
      this.advance(textEnd);
      if (lt === -1) break;
      const end = this.tokenEnd(lt, final);
      if (end === -1) break;
      this.token(lt, end, events);
      this.advance(end);
      if (this.capture && end - this.capture.start > MAX_FRAGMENT_CHARS) {
        throw new StatementParseError("too_large", { line: this.capture.line, element: this.stack.at(-1) }, "An element is too large");
      }
    }
    if (this.capture && this.buf.length - this.capture.start > MAX_FRAGMENT_CHARS) {
      throw new StatementParseError("too_large", { line: this.capture.line, element: this.stack.at(-1) }, "An element is too large");
    }
  }

  /** Index just past the token starting at `lt`, or -1 when more input is needed. */
  private tokenEnd(lt: number, final: boolean): number {
    const buf = this.buf;
    if (buf.length - lt < 9 && !final) {
      // Too short to tell "<![CDATA[" from "<!--" or a name; wait unless a ">" already closes a plain tag.
      if (buf[lt + 1] === "!" || buf.indexOf(">", lt) === -1) return -1;
    }
    const next = buf[lt + 1];
    if (next === "?") return this.closedBy(buf.indexOf("?>", lt + 2), 2, final);
    if (next === "!") {
      if (buf.startsWith("<!--", lt)) return this.closedBy(buf.indexOf("-->", lt + 4), 3, final);
      if (buf.startsWith("<![CDATA[", lt)) {
        if (!this.capture) refuse("CDATA outside an element's content", this.line, this.stack.at(-1));
        return this.closedBy(buf.indexOf("]]>", lt + 9), 3, final);
      }
      throw new StatementParseError("xml_dtd_refused", { line: this.line }, "XML with a DTD or entity declarations is refused");
    }
    const gt = buf.indexOf(">", lt + 1);
    const quote = buf.slice(lt + 1, gt === -1 ? buf.length : gt).search(/["'<]/);
    if (quote === -1) return this.closedBy(gt, 1, final);
    // Attributes may hold ">": walk the tag respecting quotes.
    let open = "";
    for (let i = lt + 1; i < buf.length; i++) {
      const ch = buf[i]!;
      if (open) {
        if (ch === open) open = "";
      } else if (ch === '"' || ch === "'") {
        open = ch;
      } else if (ch === "<") {
        refuse("'<' inside a tag", this.line, this.stack.at(-1));
      } else if (ch === ">") {
        return i + 1;
      }
    }
    return this.closedBy(-1, 0, final);
  }

  private closedBy(found: number, closeLength: number, final: boolean): number {
    if (found !== -1) return found + closeLength;
    if (final) refuse("unexpected end of file", this.line, this.stack.at(-1));
    return -1;
  }

  private token(lt: number, end: number, events: ScanEvent[]): void {
    const raw = this.buf.slice(lt, end);
    if (raw.startsWith("<?") || raw.startsWith("<!")) return;
    if (raw.startsWith("</")) {
      const name = raw.slice(2, -1).trim();
      const open = this.stack.at(-1);
      if (open === undefined) refuse(`closing tag </${name}> without an open element`, this.line, name);
      if (name !== open) refuse(`expected </${open}> but found </${name}>`, this.line, open);
      this.close(end, events);
      return;
    }
    const selfClosing = raw.endsWith("/>");
    const inner = raw.slice(1, selfClosing ? -2 : -1);
    const name = /^[^\s/>]*/.exec(inner)![0];
    if (!NAME.test(name)) refuse(`bad tag name "${name}"`, this.line, this.stack.at(-1));
    if (this.stack.length === 0) {
      if (this.seenRoot) refuse("more than one root element", this.line, name);
      this.seenRoot = true;
    }
    this.stack.push(name);
    this.locals.push(localName(name));
    if (!this.capture) {
      if (this.shouldCapture(this.locals)) {
        this.capture = { depth: this.stack.length, start: lt, line: this.line };
      } else {
        events.push({ type: "open", path: [...this.locals], tag: raw, line: this.line });
      }
    }
    if (selfClosing) this.close(end, events);
  }

  private close(end: number, events: ScanEvent[]): void {
    if (this.capture && this.capture.depth === this.stack.length) {
      events.push({ type: "fragment", path: [...this.locals], xml: this.buf.slice(this.capture.start, end), line: this.capture.line });
      this.capture = null;
    } else if (!this.capture) {
      events.push({ type: "close", path: [...this.locals], line: this.line });
    }
    this.stack.pop();
    this.locals.pop();
  }
}
