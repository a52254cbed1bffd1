import { desc, ilike } from "drizzle-orm";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";

/** The dev mailbox: what the outbox holds, newest first (only shown when no SMTP server is configured). */
export function listMailbox(to?: string, limit = 100) {
  return db()
    .select()
    .from(emailOutbox)
    .where(to ? ilike(emailOutbox.to, to.replace(/[\\%_]/g, (c) => `\\${c}`)) : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}
