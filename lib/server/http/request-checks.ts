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
export function declaredSizeWithin(request: Request, limit: number): boolean {
  const length = Number(request.headers.get("content-length"));
  return Number.isInteger(length) && length > 0 && length <= limit;
}
