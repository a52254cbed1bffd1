import { describe, expect, it } from "vitest";
import { readAhead } from "./stream";

/** A source that records when each item is asked for and when the source is closed. */
function recorded(items: number[], log: string[], failAt?: number) {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (const item of items) {
          log.push(`read ${item}`);
          await Promise.resolve();
          if (item === failAt) throw new Error(`bad item ${item}`);
          yield item;
        }
      } finally {
        log.push("closed");
      }
    },
  };
}

describe("readAhead", () => {
  it("hands over every item in order and asks for the next before the caller is done with the current one", async () => {
    const log: string[] = [];
    for await (const item of readAhead(recorded([1, 2, 3], log))) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.push(`used ${item}`);
    }
    // The source has finished (and closed) while the caller still works on the last item.
    expect(log).toEqual(["read 1", "read 2", "used 1", "read 3", "used 2", "closed", "used 3"]);
  });

  it("closes the source when the caller stops early, without an unhandled failure of the read it asked for", async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const item of readAhead(recorded([1, 2, 3], log, 2))) {
      seen.push(item);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([1]);
    expect(log.at(-1)).toBe("closed");
  });

  it("passes a failure of the read ahead to the caller once it asks, while it was busy (no unhandled rejection)", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const seen: number[] = [];
      await expect(async () => {
        for await (const item of readAhead(recorded([1, 2, 3], [], 2))) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          seen.push(item);
        }
      }).rejects.toThrow("bad item 2");
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(seen).toEqual([1]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });

  it("passes the source's failure to the caller", async () => {
    const seen: number[] = [];
    await expect(async () => {
      for await (const item of readAhead(recorded([1, 2, 3], [], 2))) seen.push(item);
    }).rejects.toThrow("bad item 2");
    expect(seen).toEqual([1]);
  });
});
