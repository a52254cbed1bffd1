import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { detectFormat, parseStatement } from "./parse";
import { toJsonLine } from "./transaction";

const dir = path.join(import.meta.dirname, "fixtures");
const fixture = (name: string) => readFileSync(path.join(dir, name), "utf8");

describe("detectFormat / parseStatement", () => {
  it("recognizes every fixture", () => {
    expect(detectFormat(fixture("camt053-v02.xml"))).toBe("camt.053");
    expect(detectFormat(fixture("camt053-v08.xml"))).toBe("camt.053");
    expect(detectFormat(fixture("camt054-v02.xml"))).toBe("camt.054");
    expect(detectFormat(fixture("mt940-two-layouts.sta"))).toBe("mt940");
    expect(detectFormat("ABNANL2A\n940\nABNANL2A\n:20:ABN\n:25:NL91ABNA0417164300\n")).toBe("mt940");
    expect(detectFormat(fixture("csv-generic.csv"))).toBe("csv");
  });

  it("dispatches, defaulting CSV to the generic mapping", () => {
    expect(parseStatement(fixture("camt054-v02.xml")).format).toBe("camt.054");
    expect(parseStatement(fixture("mt940-two-layouts.sta")).transactions).toHaveLength(8);
    expect(parseStatement(fixture("csv-generic.csv")).transactions).toHaveLength(3);
    expect(() => parseStatement(fixture("camt054-v02.xml"), { format: "camt.053" })).toThrow(/Expected camt.053/);
  });
});

describe("npm run ops -- statement:parse", () => {
  const run = promisify(execFile);
  const cwd = path.resolve(import.meta.dirname, "../../..");
  const ops = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/ops.ts", "statement:parse", ...args], { cwd });

  it("prints one JSON line per transaction and exits 1 on a bad file", async () => {
    const file = "lib/domain/statements/fixtures/camt053-v08.xml";
    const { stdout } = await ops(file);
    expect(stdout.trimEnd().split("\n")).toEqual(parseStatement(fixture("camt053-v08.xml")).transactions.map(toJsonLine));
    const failed = await ops("lib/domain/statements/fixtures/csv-generic.csv", "--format", "mt940").catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 1, stdout: "" });
    expect((failed as { stderr: string }).stderr).toMatch(/^Refused .*csv-generic\.csv: No MT940 statement found \(line \d+/);
  }, 30_000);
});
