const SECRET_FIELDS = new Set([
  "password",
  "currentpassword",
  "newpassword",
  "code",
  "otp",
  "token",
  "invitationtoken",
  "secret",
  "recoverycode",
  "recoverycodes",
]);

function redact(value: unknown, key: string | null): unknown {
  if (key !== null && SECRET_FIELDS.has(key.toLowerCase())) return "[redacted]";
  if (typeof value === "bigint") return value.toString();
  if (typeof File !== "undefined" && value instanceof File) return { name: value.name, size: value.size };
  if (Array.isArray(value)) return value.map((item) => redact(item, null));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([child, inner]) => [child, redact(inner, child)]));
  }
  return value;
}

/** The input as the audit log keeps it: secrets replaced at any depth, bigints as strings, files by name and size. */
export function redactForAudit(input: unknown): Record<string, unknown> {
  const redacted = redact(input, null);
  return typeof redacted === "object" && redacted !== null && !Array.isArray(redacted) ? (redacted as Record<string, unknown>) : {};
}
