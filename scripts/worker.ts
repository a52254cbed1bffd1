import { migrateDatabase } from "../db/migrate";
import { startWorker } from "../lib/server/jobs/worker";
import { ensureAuthSecret } from "./auth-secret";

/** A job worker on its own, for running several next to stateless app instances (DATABASE_URL required). */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("npm run worker needs DATABASE_URL (the app's PostgreSQL server)");
  ensureAuthSecret();
  await migrateDatabase(url);
  const worker = await startWorker(url);
  console.log("Job worker running.");
  const stop = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
