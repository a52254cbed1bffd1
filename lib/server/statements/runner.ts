import { and, eq } from "drizzle-orm";
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
