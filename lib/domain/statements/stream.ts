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
  // A read that fails while the caller is still busy must not count as unhandled (it would end the process): it
  // is marked handled when asked for, and still throws to the caller when awaited.
  const ask = () => {
    const next = iterator.next();
    next.catch(() => {});
    return next;
  };
  let pending = ask();
  try {
    for (;;) {
      const result = await pending;
      if (result.done) return;
      pending = ask();
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}
