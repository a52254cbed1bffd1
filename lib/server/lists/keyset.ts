import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { SortDirection } from "@/lib/domain/lists/cursor";

/*
 * Keyset pagination for the lists: a page ends at its last row's (sort value, id), and the next page starts strictly
 * after that pair in the list's order. Ties on the sort value are broken by the id, so pages never repeat or skip a
 * row however many rows share a value; each order has an index on (organization_id, sort value, id), so a page reads
 * only its own rows at any depth.
 */

export interface Cursor {
  readonly value: string;
  readonly id: string;
}

export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

/** The cursor's pair, or null when it is not one this app wrote (it is then ignored: the list starts at the top). */
export function decodeCursor(text: string): Cursor | null {
  if (!text) return null;
  try {
    const parsed = z.tuple([z.string().max(100), z.uuid()]).safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { value: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** A sortable column: its SQL (as indexed) and the type its cursor value is read back as. */
export interface SortKey {
  readonly expression: SQL;
  readonly type: "date" | "bigint" | "timestamptz";
}

/** The condition "after the cursor" in the given direction; the row comparison walks the (value, id) index. */
export function afterCursor(key: SortKey, id: SQL, direction: SortDirection, cursor: Cursor): SQL {
  const value = sql`${cursor.value}::${sql.raw(key.type)}`;
  return direction === "desc" ? sql`(${key.expression}, ${id}) < (${value}, ${cursor.id}::uuid)` : sql`(${key.expression}, ${id}) > (${value}, ${cursor.id}::uuid)`;
}

/** ORDER BY the sort value then the id, both in the direction. */
export function keysetOrder(key: SortKey, id: SQL, direction: SortDirection): SQL {
  return direction === "desc" ? sql`${key.expression} desc, ${id} desc` : sql`${key.expression} asc, ${id} asc`;
}
