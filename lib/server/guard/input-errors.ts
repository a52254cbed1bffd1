import type { z } from "zod";

import type { Translate as ErrorTranslator } from "../i18n/translator";

/** Zod issues as translated messages per field; a schema may name a catalog key (`validation.*`) as its message. */
export function translateIssues(error: z.ZodError, t: ErrorTranslator): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_";
    (fields[field] ??= []).push(messageFor(issue, t));
  }
  return fields;
}

function messageFor(issue: z.core.$ZodIssue, t: ErrorTranslator): string {
  if (issue.message.startsWith("validation.") && t.has(issue.message)) return t(issue.message, paramsOf(issue));
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string"
        ? t("validation.too_short", { minimum: Number(issue.minimum) })
        : t("validation.too_small", { minimum: String(issue.minimum) });
    case "too_big":
      return issue.origin === "string"
        ? t("validation.too_long", { maximum: Number(issue.maximum) })
        : t("validation.too_big", { maximum: String(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.format");
    case "invalid_value":
      return t("validation.choice");
    case "invalid_type":
      return issue.input === undefined ? t("validation.required") : t("validation.type");
    default:
      return t("validation.invalid");
  }
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if ("minimum" in issue) params.minimum = String(issue.minimum);
  if ("maximum" in issue) params.maximum = String(issue.maximum);
  return params;
}
