/**
 * What an ActionForm sends to its server action, read from the form's fields:
 * - text-like fields → their string value ("" when empty; the action's schema decides what empty means);
 * - a lone checkbox → `true` / `false`;
 * - several checkboxes sharing a name, `<select multiple>`, and any name ending in `[]` → an array of the chosen values;
 * - any other name repeated → an array;
 * - dotted names build nested input: `lines.0.amount` → `{ lines: [{ amount }] }` (the guard reports errors on the
 *   same dotted path, so `<FormField name="lines.0.amount">` shows them);
 * - a file input → the File, left out when no file was chosen;
 * - disabled fields are left out, as the browser does.
 */
export type FormValue = string | boolean | number | null | File | FormValue[] | { [key: string]: FormValue };
export type FormValues = { [key: string]: FormValue };

export function readFormValues(form: HTMLFormElement, submitter?: HTMLElement | null): FormValues {
  const data = formDataWithSubmitter(form, submitter);
  const checkboxes = new Map<string, HTMLInputElement[]>();
  const alwaysArray = new Set<string>();
  for (const element of Array.from(form.elements)) {
    if (!("name" in element) || typeof element.name !== "string" || !element.name) continue;
    if ((element as HTMLInputElement).disabled) continue;
    if (element instanceof HTMLInputElement && element.type === "checkbox") {
      const group = checkboxes.get(element.name) ?? [];
      group.push(element);
      checkboxes.set(element.name, group);
    }
    if (element instanceof HTMLSelectElement && element.multiple) alwaysArray.add(element.name);
  }
  for (const [name, group] of checkboxes) if (group.length > 1) alwaysArray.add(name);
  for (const name of data.keys()) if (name.endsWith("[]")) alwaysArray.add(name);

  const values: FormValues = {};
  const seen = new Set<string>();
  for (const [name, value] of data.entries()) {
    const group = checkboxes.get(name);
    if (group && group.length === 1 && !alwaysArray.has(name)) continue; // a lone checkbox: boolean, below
    if (value instanceof File && value.name === "" && value.size === 0) continue; // no file chosen
    const key = name.endsWith("[]") ? name.slice(0, -2) : name;
    if (alwaysArray.has(name)) {
      const current = getPath(values, key);
      if (Array.isArray(current)) current.push(value);
      else setPath(values, key, [value]);
    } else if (seen.has(name)) {
      const current = getPath(values, key);
      setPath(values, key, Array.isArray(current) ? [...current, value] : [current as FormValue, value]);
    } else {
      setPath(values, key, value);
    }
    seen.add(name);
  }
  // Names that always give an array give an empty one when nothing is chosen.
  for (const name of alwaysArray) {
    const key = name.endsWith("[]") ? name.slice(0, -2) : name;
    if (getPath(values, key) === undefined) setPath(values, key, []);
  }
  for (const [name, group] of checkboxes) {
    if (group.length === 1 && !alwaysArray.has(name)) setPath(values, name, group[0]!.checked);
  }
  return values;
}

function formDataWithSubmitter(form: HTMLFormElement, submitter?: HTMLElement | null): FormData {
  if (!submitter) return new FormData(form);
  try {
    return new FormData(form, submitter);
  } catch {
    // Older browsers: add the clicked button's name and value by hand.
    const data = new FormData(form);
    const button = submitter as HTMLButtonElement;
    if (button.name) data.append(button.name, button.value);
    return data;
  }
}

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const INDEX = /^(0|[1-9]\d{0,5})$/;

function segments(path: string): string[] {
  return path.split(".").filter((part) => part !== "");
}

function getPath(root: FormValues, path: string): FormValue | undefined {
  let node: FormValue | undefined = root;
  for (const part of segments(path)) {
    if (node === null || typeof node !== "object" || node instanceof File) return undefined;
    node = (node as Record<string, FormValue>)[part];
  }
  return node;
}

function setPath(root: FormValues, path: string, value: FormValue): void {
  const parts = segments(path);
  if (parts.length === 0 || parts.some((part) => UNSAFE_KEYS.has(part))) return;
  let node: Record<string, FormValue> | FormValue[] = root;
  parts.forEach((part, index) => {
    const container = node as Record<string, FormValue>;
    if (index === parts.length - 1) {
      container[part] = value;
      return;
    }
    const nextIsIndex = INDEX.test(parts[index + 1]!);
    let next = container[part];
    if (next === undefined || next === null || typeof next !== "object" || next instanceof File) {
      next = nextIsIndex ? [] : {};
      container[part] = next;
    }
    node = next as Record<string, FormValue> | FormValue[];
  });
}

/** Merges the form's values with fixed extras (the extras win: they name the context, such as `org`). */
export function mergeHidden(values: FormValues, hidden: Record<string, FormValue | undefined> | undefined): FormValues {
  if (!hidden) return values;
  const merged: FormValues = { ...values };
  for (const [key, value] of Object.entries(hidden)) if (value !== undefined) merged[key] = value;
  return merged;
}
