import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** `npm run bench -- NAME` runs the default export of bench/NAME.ts; with no name, lists them. */
async function main(): Promise<number> {
  const names = readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith(".ts") && file !== "run.ts")
    .map((file) => file.slice(0, -".ts".length))
    .sort();
  const [name, ...args] = process.argv.slice(2);
  if (!name) {
    console.log(`Usage: npm run bench -- <name>\n\nBenchmarks:\n${names.map((n) => `  ${n}`).join("\n")}`);
    return 0;
  }
  if (!names.includes(name)) {
    console.error(`Unknown benchmark: ${name} (have: ${names.join(", ")})`);
    return 1;
  }
  const module = (await import(pathToFileURL(path.join(import.meta.dirname, `${name}.ts`)).href)) as {
    default: (args: string[]) => Promise<void>;
  };
  await module.default(args);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
