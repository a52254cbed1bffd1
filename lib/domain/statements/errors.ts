export type StatementParseErrorCode =
  | "xml_dtd_refused"
  | "xml_malformed"
  | "xml_not_camt"
  | "missing_element"
  | "invalid_value"
  | "batch_sum_mismatch"
  | "mt940_malformed"
  | "csv_malformed"
  | "unknown_format"
  | "too_large";

export interface StatementParseErrorParams {
  line?: number;
  element?: string;
  value?: string;
  detail?: string;
}

/** A statement file refused as a whole; `params` name the line and/or element at fault. */
export class StatementParseError extends Error {
  constructor(
    readonly code: StatementParseErrorCode,
    readonly params: StatementParseErrorParams,
    message: string,
  ) {
    const where = [
      params.line !== undefined ? `line ${params.line}` : undefined,
      params.element !== undefined ? `element ${params.element}` : undefined,
    ].filter(Boolean);
    super(where.length > 0 ? `${message} (${where.join(", ")})` : message);
    this.name = "StatementParseError";
  }
}
