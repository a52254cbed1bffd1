import { parseCamt } from "./camt";
import { CSV_MAPPINGS, type CsvMapping, parseCsv } from "./csv";
import { StatementParseError } from "./errors";
import { parseMt940 } from "./mt940";
import type { StatementSummary, StatementTransaction } from "./transaction";

export type StatementFormat = "camt.053" | "camt.054" | "mt940" | "csv";
export const STATEMENT_FORMATS: readonly StatementFormat[] = ["camt.053", "camt.054", "mt940", "csv"];

export interface ParsedStatement {
  format: StatementFormat;
  statements: StatementSummary[];
  transactions: StatementTransaction[];
}

/** Guesses the format from the start of the file (the first few kilobytes are enough). */
export function detectFormat(content: string): StatementFormat {
  const head = content.slice(0, 8192).replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) {
    if (/camt\.054|BkToCstmrDbtCdtNtfctn/.test(head)) return "camt.054";
    return "camt.053";
  }
  if (/^(\{1:|:20:)/.test(head) || (/^:20:/m.test(head) && /^:(25|60F|60M|61):/m.test(head))) return "mt940";
  return "csv";
}

/** One statement file, read whole; throws StatementParseError and returns nothing on any fault. */
export function parseStatement(
  content: string,
  options: { format?: StatementFormat; csvMapping?: CsvMapping } = {},
): ParsedStatement {
  const format = options.format ?? detectFormat(content);
  switch (format) {
    case "camt.053":
    case "camt.054": {
      const result = parseCamt(content);
      if (result.format !== format) {
        throw new StatementParseError("xml_not_camt", { value: result.format }, `Expected ${format} but the file is ${result.format}`);
      }
      return result;
    }
    case "mt940":
      return parseMt940(content);
    case "csv":
      return { format, ...parseCsv(content, options.csvMapping ?? CSV_MAPPINGS.generic!) };
    default:
      throw new StatementParseError("unknown_format", { value: String(format) }, `Unknown statement format "${String(format)}"`);
  }
}
