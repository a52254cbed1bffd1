/** Errors from lower layers (ledger, domain) that carry a stable code the user can be told. */
export function userFacingCode(error: unknown): { code: string; params: Record<string, string | number> } | null {
  if (typeof error !== "object" || error === null) return null;
  const candidate = error as { code?: unknown; userFacing?: unknown; params?: unknown };
  if (candidate.userFacing !== true || typeof candidate.code !== "string") return null;
  const params = (typeof candidate.params === "object" && candidate.params) || {};
  return { code: candidate.code, params: params as Record<string, string | number> };
}
