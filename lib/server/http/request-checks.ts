import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/domain/kyb/fields";
import { refuse } from "../guard/run-route";

/** The browser's Origin, when sent, must be this app's (APP_URL/NEXTAUTH_URL, else the Host the request came to). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  try {
    const configured = process.env.APP_URL ?? process.env.NEXTAUTH_URL;
    const expected = configured ? new URL(configured).host : request.headers.get("host");
    return new URL(origin).host === expected;
  } catch {
    return false;
  }
}

/** A body whose Content-Length is present and at most `limit` bytes. */
function declaredSizeWithin(request: Request, limit: number): boolean {
  const length = Number(request.headers.get("content-length"));
  return Number.isInteger(length) && length > 0 && length <= limit;
}

/**
 * The multipart fields `names` of a document upload, or the 413 refusal when the body does not announce a size within
 * the limit. The body is read only then and only from this app's origin, so nobody can make the server buffer an
 * arbitrary upload before the guard has run; otherwise (or when unparsable) every field is undefined, and a
 * cross-site form gets no file through (and so the guard's refusal), never an upload in a signed-in user's name.
 */
export async function readUploadFields<Name extends string>(
  request: Request,
  names: readonly Name[],
): Promise<Record<Name, FormDataEntryValue | undefined> | Response> {
  if (!declaredSizeWithin(request, MAX_UPLOAD_REQUEST_BYTES)) return refuse("kyb_document_too_large", 413);
  const form = isSameOrigin(request) ? await request.formData().catch(() => null) : null;
  return Object.fromEntries(names.map((name) => [name, form?.get(name) ?? undefined])) as Record<Name, FormDataEntryValue | undefined>;
}
