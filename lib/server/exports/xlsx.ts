import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { minorUnits, toDecimalString } from "@/lib/domain/money";
import type { ExportCell, ExportColumn } from "./columns";

const LARGEST_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

function moneyFormat(currency: string): string {
  const digits = minorUnits(currency);
  return digits === 0 ? "#,##0" : `#,##0.${"0".repeat(digits)}`;
}

/**
 * A cell as Excel should hold it: amounts as numbers with their currency's decimals (a spreadsheet sums them), exact
 * because an amount of fewer than 2^53 minor units has an exact decimal reading; beyond that, as exact text. Dates as
 * dates. Text stays text (never a formula: a string cell is not evaluated).
 */
export function xlsxValue(cell: ExportCell): { value: ExcelJS.CellValue; numFmt?: string } {
  switch (cell.kind) {
    case "text":
      return { value: cell.value ?? "" };
    case "money": {
      const exact = cell.minor <= LARGEST_EXACT && cell.minor >= -LARGEST_EXACT;
      return exact ? { value: Number(toDecimalString(cell.minor, cell.currency)), numFmt: moneyFormat(cell.currency) } : { value: toDecimalString(cell.minor, cell.currency) };
    }
    case "date":
      return cell.value ? { value: new Date(`${cell.value}T00:00:00Z`), numFmt: "yyyy-mm-dd" } : { value: null };
    case "datetime":
      return cell.value ? { value: cell.value, numFmt: "yyyy-mm-dd hh:mm:ss" } : { value: null };
  }
}

/** The workbook (one sheet, a bold frozen header row) streamed as it is written, page by page. */
export function xlsxStream<Row>(sheetName: string, columns: readonly ExportColumn<Row>[], pages: AsyncIterable<readonly Row[]>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: Math.max(12, Math.min(40, column.header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const rows of pages) {
      for (const row of rows) {
        const written = sheet.addRow(columns.map(() => null));
        columns.forEach((column, index) => {
          const { value, numFmt } = xlsxValue(column.cell(row));
          const target = written.getCell(index + 1);
          target.value = value;
          if (numFmt) target.numFmt = numFmt;
        });
        written.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
