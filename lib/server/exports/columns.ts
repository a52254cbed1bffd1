import { z } from "zod";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS).default("csv");

/** One cell, typed so that each format writes it properly: amounts stay exact decimals in CSV and numbers in XLSX. */
export type ExportCell =
  | { readonly kind: "text"; readonly value: string | null }
  | { readonly kind: "money"; readonly minor: bigint; readonly currency: string }
  | { readonly kind: "date"; readonly value: string | null }
  | { readonly kind: "datetime"; readonly value: Date | null };

export interface ExportColumn<Row> {
  /** The CSV header: stable, machine-readable (snake_case), as the app's other CSV exports. */
  readonly key: string;
  /** The XLSX header, in the reader's language. */
  readonly header: string;
  readonly cell: (row: Row) => ExportCell;
}

export const text = (value: string | null | undefined): ExportCell => ({ kind: "text", value: value ?? null });
export const money = (minor: bigint, currency: string): ExportCell => ({ kind: "money", minor, currency });
export const date = (value: string | null): ExportCell => ({ kind: "date", value });
export const datetime = (value: Date | null): ExportCell => ({ kind: "datetime", value });

/** What an export writes: its columns and its rows, page after page (a list's keyset pages), so no export sits in memory. */
export interface ExportSpec<Row> {
  readonly filename: string;
  readonly sheetName: string;
  readonly columns: readonly ExportColumn<Row>[];
  readonly pages: AsyncIterable<readonly Row[]>;
}

/** Walks a keyset-paginated list from the start: `fetch(cursor)` returns a page and the next cursor (null at the end). */
export async function* keysetPages<Row>(fetch: (cursor: string) => Promise<{ rows: readonly Row[]; next: string | null }>): AsyncGenerator<readonly Row[]> {
  let cursor = "";
  for (;;) {
    const page = await fetch(cursor);
    if (page.rows.length > 0) yield page.rows;
    if (page.next === null) return;
    cursor = page.next;
  }
}
