import { spawnSync } from "node:child_process";
import { buildIsCurrent } from "./build-state";

/** `next build` when there is no build yet or the sources changed since the last one. */
export function ensureBuilt(): void {
  if (buildIsCurrent()) return;
  console.log("Building the app (first start or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) throw new Error("next build failed");
}
