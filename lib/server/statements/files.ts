import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { CsvMapping } from "@/lib/domain/statements";

/**
 * Uploaded statement files wait here (outside the web root) until their import completes, so that an import cut
 * short by a crash can be run again from the same bytes: `STATEMENT_IMPORTS_DIR`, else `.data/statement-imports`.
 */
export function statementFilesDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.STATEMENT_IMPORTS_DIR ?? path.join(process.cwd(), ".data", "statement-imports"));
}

export const statementFilePath = (importId: string) => path.join(statementFilesDir(), `${importId}.statement`);
const settingsPath = (importId: string) => path.join(statementFilesDir(), `${importId}.json`);

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Upload larger than ${limitBytes} bytes`);
  }
}

export interface ReceivedFile {
  path: string;
  sha256: string;
  sizeBytes: number;
}

/** Streams `body` to a new file under a random name, hashing and counting as it goes; refuses it past `limitBytes`. */
export async function receiveFile(body: AsyncIterable<Uint8Array>, limitBytes: number): Promise<ReceivedFile> {
  await mkdir(statementFilesDir(), { recursive: true });
  const file = path.join(statementFilesDir(), `upload-${randomBytes(16).toString("hex")}.part`);
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > limitBytes) return done(new UploadTooLargeError(limitBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file, { flags: "wx" }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { path: file, sha256: hash.digest("hex"), sizeBytes };
}

/** Hash and size of a file already on disk (the ops command). */
export async function describeFile(file: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  for await (const chunk of createReadStream(file)) {
    sizeBytes += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { sha256: hash.digest("hex"), sizeBytes };
}

/** Files the received upload (and the CSV mapping it is read with) under its import. */
export async function keepForImport(received: string, importId: string, settings: { csvMapping?: CsvMapping }): Promise<void> {
  await writeFile(settingsPath(importId), JSON.stringify(settings));
  await rename(received, statementFilePath(importId));
}

export async function importSettings(importId: string): Promise<{ csvMapping?: CsvMapping } | null> {
  try {
    return JSON.parse(await readFile(settingsPath(importId), "utf8")) as { csvMapping?: CsvMapping };
  } catch {
    return null;
  }
}

export async function discardImportFiles(importId: string): Promise<void> {
  await rm(statementFilePath(importId), { force: true });
  await rm(settingsPath(importId), { force: true });
}
