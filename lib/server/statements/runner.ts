import { and, asc, eq, lt } from "drizzle-orm";
import { connection, db } from "@/db/client";
import { statementImports } from "@/db/schema";
import { discardImportFiles, importSettings, statementFilePath } from "./files";
import { type ImportOutcome, runStatementImport } from "./run-import";

/**
 * Runs a stored upload's import under a session advisory lock on the import, so that a retry while the first run
 * is still going does nothing (the lock dies with the connection, so a crashed run never blocks its retry).
 * Returns null when another run holds the lock or the stored file is gone.
 */
export async function runStoredImport(importId: string): Promise<ImportOutcome | null> {
  const settings = await importSettings(importId);
  if (!settings) return null;
  const lock = await connection().sql.reserve();
  try {
    const [{ locked }] = await lock<{ locked: boolean }[]>`select pg_try_advisory_lock(hashtextextended(${`statement-import:${importId}`}, 0)) as locked`;
    if (!locked) return null;
    try {
      const outcome = await runStatementImport(importId, statementFilePath(importId), settings);
      await discardImportFiles(importId);
      return outcome;
    } catch (error) {
      // The file stays for a retry; dedupe makes running the import again safe.
      await db()
        .update(statementImports)
        .set({ status: "failed", error: JSON.stringify({ code: "statement_import_interrupted", params: {}, message: String(error) }), finishedAt: new Date() })
        .where(and(eq(statementImports.id, importId), eq(statementImports.status, "processing")));
      throw error;
    } finally {
      await lock`select pg_advisory_unlock(hashtextextended(${`statement-import:${importId}`}, 0))`;
    }
  } finally {
    lock.release();
  }
}

/** Starts the import in this process without waiting for it (the upload answers at once; the page polls the row). */
export function startStoredImport(importId: string): void {
  runStoredImport(importId).catch((error) => console.error(`statement import ${importId} failed`, error));
}

/** Imports still `processing` this long after they started are taken to be abandoned by a stopped process. */
const STALLED_AFTER_MS = 2 * 60_000;

/**
 * Runs again the imports a stopped process left `processing` (the job worker calls this every minute). One still
 * running elsewhere holds its lock and is skipped; what a stopped run stored is recognised as duplicates.
 */
export async function resumeStalledImports(): Promise<number> {
  const stalled = await db()
    .select({ id: statementImports.id })
    .from(statementImports)
    .where(and(eq(statementImports.status, "processing"), lt(statementImports.createdAt, new Date(Date.now() - STALLED_AFTER_MS))))
    .orderBy(asc(statementImports.createdAt));
  let resumed = 0;
  for (const { id } of stalled) if (await runStoredImport(id)) resumed++;
  return resumed;
}
