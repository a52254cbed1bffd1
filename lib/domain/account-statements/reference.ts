import type { StatementCause } from "./types";

/** What a line's cause is called (an invoice number, a bank reference …) and where it is shown, when it has a page. */
export interface StatementReference {
  label: string;
  href: string | null;
}

/** The key references are looked up by: one per cause. */
export function causeKey(cause: StatementCause): string {
  return `${cause.type}:${cause.id}`;
}
