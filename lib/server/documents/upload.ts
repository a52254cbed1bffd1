import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from "@/lib/domain/kyb/fields";
import { ActionError } from "../guard/action-error";
import type { ActionContext } from "../guard/define-action";
import { randomStorageKey, storage } from "../storage";

export interface UploadedDocument {
  bytes: Uint8Array;
  /** What the content says the file is, not what the browser claimed. */
  contentType: string;
  /** The file name, safe to show and to send back in Content-Disposition. */
  name: string;
}

/** What the content says the file is: PDF, JPEG or PNG, or a refusal code. The name and the claimed type do not count. */
export async function sniffDocument(bytes: Uint8Array): Promise<{ ok: true; contentType: string } | { ok: false; code: string }> {
  if (bytes.byteLength === 0) return { ok: false, code: "kyb_document_empty" };
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, code: "kyb_document_too_large" };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in ACCEPTED_DOCUMENT_TYPES)) return { ok: false, code: "kyb_document_type" };
  return { ok: true, contentType: detected.mime };
}

/** A file name safe to show and to send back in Content-Disposition. */
function cleanName(name: string, contentType: string): string {
  const base = name.replace(/[\u0000-\u001f\u007f"\\/]/g, "").trim().slice(-120);
  return base || `document.${ACCEPTED_DOCUMENT_TYPES[contentType]}`;
}

/** The uploaded file's bytes, refused before anything is written: size first (cheap), then the content. */
export async function readUploadedDocument(file: File): Promise<UploadedDocument> {
  if (file.size > MAX_DOCUMENT_BYTES) throw new ActionError("kyb_document_too_large");
  if (file.size === 0) throw new ActionError("kyb_document_empty");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = await sniffDocument(bytes);
  if (!sniffed.ok) throw new ActionError(sniffed.code);
  return { bytes, contentType: sniffed.contentType, name: cleanName(file.name, sniffed.contentType) };
}

/** The columns every document table records about the stored file. */
export interface StoredDocument {
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Stores the document under a random key below `prefix`; the stored object goes again if the action's transaction rolls back. */
export async function storeUploadedDocument(
  ctx: Pick<ActionContext, "afterRollback">,
  prefix: string,
  document: UploadedDocument,
): Promise<StoredDocument> {
  const storageKey = randomStorageKey(prefix);
  // Registered before the write: whatever fails from here on (the insert, the audit record, the commit), the stored
  // object must not outlive the rolled-back transaction that would have pointed at it.
  ctx.afterRollback(() => storage().delete(storageKey));
  await storage().put(storageKey, document.bytes, document.contentType);
  return {
    storageKey,
    originalName: document.name,
    contentType: document.contentType,
    sizeBytes: document.bytes.byteLength,
    sha256: createHash("sha256").update(document.bytes).digest("hex"),
  };
}
