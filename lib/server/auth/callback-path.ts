const BASE = "https://quayside.invalid";

/**
 * Where to go after signing in: only a path on this site. Browsers read `/\evil.com` or `/<tab>/evil.com` as
 * another host, so the path is resolved the way a browser would and must stay on the same origin.
 */
export function safeCallbackPath(value: string | undefined): string {
  if (!value || !value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  try {
    const resolved = new URL(value, BASE);
    return resolved.origin === BASE ? `${resolved.pathname}${resolved.search}${resolved.hash}` : "/";
  } catch {
    return "/";
  }
}
