import type { Executor } from "../../../db/client";
import { csvLines } from "../../domain/csv/cell";
import { toDecimalString } from "../../domain/money";
import { type AccountLine, type AccountLineFilter, listAccountLines, MAX_PAGE_SIZE } from "./lines";

const COLUMNS = [
  "line_id",
  "created_at",
  "entry_id",
  "type",
  "description",
  "account_kind",
  "currency",
  "amount",
  "balance_after",
  "cause_type",
  "cause_id",
  "reverses_entry_id",
  "reversed_by_entry_id",
];

function row(line: AccountLine): string[] {
  return [
    line.id,
    line.createdAt.toISOString(),
    line.entryId,
    line.type,
    line.description,
    line.accountKind,
    line.currency,
    toDecimalString(line.amountMinor, line.currency),
    toDecimalString(line.balanceAfterMinor, line.currency),
    line.causeType ?? "",
    line.causeId ?? "",
    line.reversesEntryId ?? "",
    line.reversedByEntryId ?? "",
  ];
}

/** The lines listAccountLines would page through, as CSV text in chunks of one page each, newest first. */
export async function* accountLinesCsv(
  executor: Executor,
  organizationId: string | null,
  filter: AccountLineFilter = {},
): AsyncGenerator<string> {
  yield csvLines([COLUMNS]);
  let after: string | undefined;
  do {
    const page = await listAccountLines(executor, organizationId, { ...filter, after, limit: MAX_PAGE_SIZE });
    if (page.lines.length > 0) yield csvLines(page.lines.map(row));
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}
