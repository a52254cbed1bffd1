/** Joins class names, skipping empty ones: `cn("a", active && "b")`. */
export function cn(...classes: Array<string | false | null | undefined | 0>): string {
  return classes.filter(Boolean).join(" ");
}
