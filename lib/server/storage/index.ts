import { randomBytes } from "node:crypto";
import path from "node:path";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";

/** Where uploaded files live: never under the web root, always under a random key. */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/** A key nobody can guess, optionally under a prefix (`kyb/…`); never derived from the uploaded file's name. */
export function randomStorageKey(prefix: string): string {
  return `${prefix}/${randomBytes(24).toString("base64url")}`;
}

/** The upload root of the local adapter: `UPLOADS_DIR`, else `.data/uploads` in the project (outside `public/`). */
export function localUploadsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOADS_DIR ?? path.join(process.cwd(), ".data", "uploads"));
}

const globalForStorage = globalThis as unknown as { quaysideStorage?: FileStorage };

/** S3-compatible storage when S3_BUCKET is set (with S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY); local files otherwise. */
export function storage(): FileStorage {
  globalForStorage.quaysideStorage ??= process.env.S3_BUCKET
    ? new S3Storage({
        bucket: process.env.S3_BUCKET,
        endpoint: process.env.S3_ENDPOINT || undefined,
        region: process.env.S3_REGION ?? "us-east-1",
        accessKeyId: process.env.S3_ACCESS_KEY_ID ?? process.env.AWS_ACCESS_KEY_ID,
        secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? process.env.AWS_SECRET_ACCESS_KEY,
        forcePathStyle: process.env.S3_FORCE_PATH_STYLE !== "0",
      })
    : new LocalStorage(localUploadsDir());
  return globalForStorage.quaysideStorage;
}

/** For tests: use this adapter instead of the configured one (null restores the default). */
export function setStorageForTesting(adapter: FileStorage | null): void {
  globalForStorage.quaysideStorage = adapter ?? undefined;
}
