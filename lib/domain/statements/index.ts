export * from "./errors";
export * from "./rf-reference";
export * from "./transaction";
export { isIban } from "./account";
export { parseCamt, parseCamtStream, type CamtFormat } from "./camt";
export { parseMt940, parseMt940Stream } from "./mt940";
export { parseCsv, CsvReader, csvSyntaxError, CSV_MAPPINGS, type CsvMapping } from "./csv";
export { detectFormat, parseStatement, STATEMENT_FORMATS, type ParsedStatement, type StatementFormat } from "./parse";
export { linesOf, readAhead } from "./stream";
