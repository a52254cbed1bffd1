import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { toDecimalString } from "@/lib/domain/money";
import {
  CSV_MAPPINGS,
  detectFormat,
  linesOf,
  parseCamtStream,
  parseMt940Stream,
  parseStatement,
  STATEMENT_FORMATS,
  StatementParseError,
  type StatementFormat,
  type StatementSummary,
  type StatementTransaction,
  toJsonLine,
} from "@/lib/domain/statements";
import type { OpsCommand } from "./command";

const USAGE = `statement:parse FILE [--format ${STATEMENT_FORMATS.join("|")}] [--mapping ${Object.keys(CSV_MAPPINGS).join("|")}]`;
/** Above this size camt and MT940 files are streamed instead of read whole. */
const STREAM_ABOVE_BYTES = 16 * 1024 * 1024;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

async function head(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

function transactionsOf(file: string, format: StatementFormat, onStatement: (s: StatementSummary) => void) {
  const chunks = createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 }) as AsyncIterable<string>;
  return format === "mt940" ? parseMt940Stream(linesOf(chunks), onStatement) : parseCamtStream(chunks, onStatement);
}

async function print(
  transactions: Iterable<StatementTransaction> | AsyncIterable<StatementTransaction>,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  let pending = "";
  for await (const tx of transactions) {
    pending += `${toJsonLine(tx)}\n`;
    if (pending.length > 64 * 1024) {
      await write(pending);
      pending = "";
    }
  }
  if (pending) await write(pending);
}

/** Streams the lines to a temporary file and copies it to stdout only once the whole statement has parsed. */
async function printWhenComplete(transactions: AsyncIterable<StatementTransaction>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "statement-parse-"));
  try {
    const file = path.join(dir, "lines.jsonl");
    const out = createWriteStream(file);
    try {
      await print(transactions, out);
    } finally {
      out.end();
      await once(out, "close");
    }
    await pipeline(createReadStream(file), process.stdout, { end: false });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function reportMismatches(statements: StatementSummary[]): void {
  for (const s of statements.filter((summary) => summary.balanceMismatch)) {
    console.error(
      `Balance mismatch on ${s.account} (${s.currency}): opening ${toDecimalString(s.openingBalanceMinor!, s.currency)} ` +
        `plus the entries is not the closing ${toDecimalString(s.closingBalanceMinor!, s.currency)}`,
    );
  }
}

export const statementParseCommand: OpsCommand = {
  name: "statement:parse",
  usage: USAGE,
  summary: "Print a bank statement's transactions (camt.053/054, MT940, CSV) as one JSON line each",
  needsDatabase: false,
  async run(args) {
    const file = args.find((arg, i) => !arg.startsWith("--") && !["--format", "--mapping"].includes(args[i - 1] ?? ""));
    const format = option(args, "--format") as StatementFormat | undefined;
    const mappingName = option(args, "--mapping");
    if (!file || (format !== undefined && !STATEMENT_FORMATS.includes(format)) || (mappingName !== undefined && !CSV_MAPPINGS[mappingName])) {
      console.error(`Usage: npm run ops -- ${USAGE}`);
      return 1;
    }
    try {
      const size = (await stat(file)).size;
      const detected = format ?? detectFormat(await head(file));
      if (size <= STREAM_ABOVE_BYTES || detected === "csv") {
        const csvMapping = mappingName ? CSV_MAPPINGS[mappingName] : undefined;
        const result = parseStatement(await readFile(file, "utf8"), { format: detected, ...(csvMapping ? { csvMapping } : {}) });
        await print(result.transactions);
        reportMismatches(result.statements);
        return 0;
      }
      const statements: StatementSummary[] = [];
      await printWhenComplete(transactionsOf(file, detected, (s) => statements.push(s)));
      reportMismatches(statements);
      return 0;
    } catch (error) {
      if (error instanceof StatementParseError) console.error(`Refused ${file}: ${error.message}`);
      else console.error(`Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  },
};
