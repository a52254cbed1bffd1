/** What an upload route answers: 201 with the new file, or the guard's refusal as JSON. */
export type UploadOutcome = { ok: true } | { ok: false; message: string | null };

/**
 * Sends one file (multipart) to a guarded upload route. A route rather than a server action because files may be up
 * to 10 MB, beyond a server action's body limit. The message is the refusal's text with its field errors, or null when
 * there is none (network failure, unreadable answer).
 */
export async function postUpload(url: string, data: FormData): Promise<UploadOutcome> {
  try {
    const response = await fetch(url, { method: "POST", body: data });
    if (response.ok) return { ok: true };
    const body = (await response.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
    const detail = body?.fieldErrors ? Object.values(body.fieldErrors).flat().join(" ") : "";
    return { ok: false, message: [body?.message, detail].filter(Boolean).join(" ") || null };
  } catch {
    return { ok: false, message: null };
  }
}
