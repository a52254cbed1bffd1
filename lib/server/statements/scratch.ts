import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { linesOf, type StatementTransaction } from "@/lib/domain/statements";

/**
 * The transactions the validating pass read, kept on disk as JSON lines for the storing pass, so the statement is
 * parsed once (XML parsing is the costly part of reading) and still never held in memory.
 */
export class ScratchFile {
  private out?: WriteStream;
  private pending = "";

  private constructor(private readonly dir: string) {}

  static async create(): Promise<ScratchFile> {
    return new ScratchFile(await mkdtemp(path.join(tmpdir(), "statement-import-")));
  }

  private get file() {
    return path.join(this.dir, "transactions.jsonl");
  }

  async write(transactions: readonly StatementTransaction[]): Promise<void> {
    this.out ??= createWriteStream(this.file);
    for (const tx of transactions) this.pending += `${JSON.stringify({ ...tx, amountMinor: tx.amountMinor.toString() })}\n`;
    if (this.pending.length < 256 * 1024) return;
    const chunk = this.pending;
    this.pending = "";
    if (!this.out.write(chunk)) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    const out = (this.out ??= createWriteStream(this.file));
    out.end(this.pending);
    this.pending = "";
    await once(out, "close");
  }

  async *read(): AsyncGenerator<StatementTransaction> {
    for await (const line of linesOf(createReadStream(this.file, { encoding: "utf8", highWaterMark: 256 * 1024 }) as AsyncIterable<string>)) {
      if (line === "") continue;
      const tx = JSON.parse(line) as Omit<StatementTransaction, "amountMinor"> & { amountMinor: string };
      yield { ...tx, amountMinor: BigInt(tx.amountMinor) };
    }
  }

  async remove(): Promise<void> {
    this.out?.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
