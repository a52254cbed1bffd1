/** Splits text chunks into lines (without "\n"; a trailing "\r" stays for the reader to drop). */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of chunks) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest !== "") yield rest;
}

/**
 * The same items, each asked for as soon as the previous one is handed over: while the caller awaits its own work
 * (a batch's database round trips), the source reads and parses the next one.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const result = await pending;
      if (result.done) return;
      pending = iterator.next();
      yield result.value;
    }
  } finally {
    // Left early: the read already asked for is abandoned, its failure (if any) with it.
    pending.catch(() => {});
    await iterator.return?.();
  }
}
