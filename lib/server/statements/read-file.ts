import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import Papa from "papaparse";
import {
  CsvReader,
  csvSyntaxError,
  type CsvMapping,
  detectFormat,
  linesOf,
  parseCamtStream,
  parseMt940Stream,
  StatementParseError,
  type StatementFormat,
  type StatementSummary,
  type StatementTransaction,
} from "@/lib/domain/statements";

/** The first 8 KiB, enough for `detectFormat`. */
export async function fileHead(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

export async function detectFileFormat(file: string): Promise<StatementFormat> {
  return detectFormat(await fileHead(file));
}

const textChunks = (file: string) => createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 }) as AsyncIterable<string>;

/**
 * CSV rows as papaparse cuts them from the stream, one parsed chunk at a time: the parser pauses until the rows it
 * gave have been taken, so only a chunk of the file is ever held.
 */
async function* csvRows(file: string, delimiter: string | undefined): AsyncGenerator<string[]> {
  const queue: string[][][] = [];
  let failure: unknown = null;
  let finished = false;
  let parser: Papa.Parser | null = null;
  let wake: (() => void) | null = null;
  let rowsSeen = 0;
  const signal = () => {
    wake?.();
    wake = null;
  };
  Papa.parse<string[]>(createReadStream(file, { encoding: "utf8" }), {
    delimiter: delimiter ?? "",
    skipEmptyLines: "greedy",
    chunk(results, chunkParser) {
      const error = results.errors[0];
      if (error) {
        failure = csvSyntaxError({ ...error, row: (error.row ?? 0) + rowsSeen });
        chunkParser.abort();
      } else {
        rowsSeen += results.data.length;
        queue.push(results.data);
        parser = chunkParser;
        chunkParser.pause();
      }
      signal();
    },
    complete() {
      finished = true;
      signal();
    },
    error(error) {
      failure = error;
      finished = true;
      signal();
    },
  });
  for (;;) {
    if (failure) throw failure;
    const rows = queue.shift();
    if (rows) {
      for (const row of rows) yield row;
      continue;
    }
    if (finished) return;
    const waiting = new Promise<void>((resolve) => (wake = resolve));
    const paused = parser as Papa.Parser | null;
    parser = null;
    paused?.resume();
    await waiting;
  }
}

async function* csvTransactions(
  file: string,
  mapping: CsvMapping,
  onStatement: (summary: StatementSummary) => void,
): AsyncGenerator<StatementTransaction> {
  const reader = new CsvReader(mapping);
  let line = 0;
  for await (const row of csvRows(file, mapping.delimiter)) {
    const tx = reader.push(row, ++line);
    if (tx) yield tx;
  }
  for (const summary of reader.end()) onStatement(summary);
}

/** The file's transactions, streamed whatever the format; `onStatement` hears each statement's summary. */
export function readStatementFile(
  file: string,
  format: StatementFormat,
  csvMapping: CsvMapping | undefined,
  onStatement: (summary: StatementSummary) => void,
): AsyncIterable<StatementTransaction> {
  switch (format) {
    case "camt.053":
    case "camt.054":
      return expectCamt(format, parseCamtStream(textChunks(file), onStatement), file);
    case "mt940":
      return parseMt940Stream(linesOf(textChunks(file)), onStatement);
    case "csv":
      if (!csvMapping) throw new StatementParseError("csv_malformed", {}, "A CSV statement needs a column mapping");
      return csvTransactions(file, csvMapping, onStatement);
  }
}

/** A camt.054 uploaded as camt.053 (or the reverse) is refused like any other wrong file. */
async function* expectCamt(format: "camt.053" | "camt.054", transactions: AsyncIterable<StatementTransaction>, file: string) {
  const head = await fileHead(file);
  const actual = detectFormat(head);
  if (actual !== format) throw new StatementParseError("xml_not_camt", { value: actual }, `Expected ${format} but the file is ${actual}`);
  yield* transactions;
}
