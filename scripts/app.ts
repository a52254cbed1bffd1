import { spawn, type ChildProcess } from "node:child_process";
import { migrateDatabase } from "../db/migrate";
import { closeDb } from "../db/client";
import { startWorker, type RunningWorker } from "../lib/server/jobs/worker";
import { ensureAuthSecret } from "./auth-secret";
import { resolveAppDatabase, type DatabaseHandle } from "./database";
import { ensureBuilt } from "./ensure-built";
import { printDemoLogins } from "./ops/seed";
import { seedDemoIfEmpty } from "./seed";

export interface AppOptions {
  dev: boolean;
  database?: DatabaseHandle;
  /** Runs once the app and the database have stopped. */
  onStopped?: () => Promise<void>;
}

/** Database up and migrated, demo seeded when empty, app built when stale, worker and server running; Ctrl-C stops all. */
export async function runApp({ dev, database: given, onStopped }: AppOptions): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  const database = given ?? (await resolveAppDatabase());
  process.env.DATABASE_URL = database.url;
  console.log(database.embedded ? `Embedded PostgreSQL running (data in .data/postgres).` : "Using DATABASE_URL.");
  await migrateDatabase(database.url);
  // Demo data and the dev mailbox belong to the embedded database; a real server gets them only when asked.
  const demo = (flag: string | undefined) => (flag === undefined ? database.embedded : flag === "1");
  if (demo(process.env.DEV_MAILBOX)) process.env.DEV_MAILBOX = "1";
  // The demo's test clock (npm run ops -- clock:advance 25h) lets dispute timers run out without waiting.
  if (demo(process.env.ALLOW_TEST_CLOCK)) process.env.ALLOW_TEST_CLOCK = "1";
  const seeded = demo(process.env.SEED_DEMO) ? await seedDemoIfEmpty() : false;
  await closeDb();

  if (!dev) ensureBuilt();

  const worker: RunningWorker | null = process.env.RUN_WORKER === "0" ? null : await startWorker(database.url);
  const server: ChildProcess = spawn("npx", ["next", dev ? "dev" : "start", "-p", String(port), "-H", host], {
    stdio: ["ignore", "inherit", "inherit"],
    env: process.env,
  });

  console.log(`\nQuayside is starting on ${process.env.NEXTAUTH_URL}`);
  if (seeded) console.log("Demo data seeded into the new database.");
  printDemoLogins();

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    server.kill("SIGTERM");
    await worker?.stop();
    // A terminal's Ctrl-C has already asked PostgreSQL to shut down; stopping it again may find it gone.
    await database.stop().catch(() => {});
    await onStopped?.().catch((error: unknown) => console.error(error));
    console.log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

