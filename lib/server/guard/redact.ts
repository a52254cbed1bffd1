const SECRET_FIELDS = /password|code|token|secret|recovery/i;

/** The input as the audit log keeps it: secrets replaced, bigints as strings. */
export function redactForAudit(input: unknown): Record<string, unknown> {
  if (typeof input !== "object" || input === null) return {};
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>).map(([key, value]) => [
      key,
      SECRET_FIELDS.test(key) ? "[redacted]" : typeof value === "bigint" ? value.toString() : value,
    ]),
  );
}
