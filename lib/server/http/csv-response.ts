// The byte-order mark makes Excel read UTF-8 (Chinese names) correctly.
const BOM = "\uFEFF";

function csvHeaders(filename: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "cache-control": "no-store",
  };
}

/** A CSV download held in memory: for bounded exports. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(`${BOM}${csv}`, { headers: csvHeaders(filename) });
}

/** A CSV download streamed chunk by chunk, for exports of any size. */
export function csvStreamResponse(chunks: AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM));
    },
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { headers: csvHeaders(filename) });
}
