import { z } from "zod";

/* How a keyset-paginated list's order and position travel in the URL; the SQL side is lib/server/lists/keyset.ts. */

export const SORT_DIRECTIONS = ["desc", "asc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The cursor as it travels in the URL: base64url of `[value, id]`. */
export const cursorSchema = z.string().max(300).regex(/^[A-Za-z0-9_-]*$/).default("");
