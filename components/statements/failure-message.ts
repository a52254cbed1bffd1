/** A stored import failure (code of the errors catalog + where) as one translated sentence. */
export interface ImportFailure {
  code: string;
  params: Record<string, string | number>;
}

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

export function failureMessage(t: Translate, failure: ImportFailure): string {
  const { line, element } = failure.params;
  const what = t.has(failure.code) ? t(failure.code, failure.params) : t("internal_error");
  const where =
    line !== undefined && element !== undefined
      ? t("statement_at_line_element", { line, element })
      : line !== undefined
        ? t("statement_at_line", { line })
        : element !== undefined
          ? t("statement_at_element", { element })
          : "";
  return [what, where].filter(Boolean).join(" ");
}
