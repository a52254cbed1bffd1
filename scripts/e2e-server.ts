import { mkdirSync, writeFileSync } from "node:fs";
import { testServer } from "../tests/setup/test-server";
import { runApp } from "./app";
import { dropDatabase, ensureDatabase } from "./database";

const E2E_DATABASE_URL_FILE = ".data/e2e-database-url";

/** The app as the end-to-end tests see it: a fresh seeded database of its own, dropped when the server stops. */
async function main(): Promise<void> {
  const server = await testServer();
  const name = `quayside_e2e_${process.pid}`;
  const url = await ensureDatabase(server.url, name);
  process.env.DATABASE_URL = url;
  // The tests move the platform clock (ops clock:advance) to let dispute service levels run out.
  process.env.ALLOW_TEST_CLOCK = "1";
  // The tests read it to run ops commands (e.g. `totp` for a seeded reviewer) against this database.
  mkdirSync(".data", { recursive: true });
  writeFileSync(E2E_DATABASE_URL_FILE, url);
  await runApp({
    dev: false,
    database: { url, embedded: server.embedded, stop: async () => {} },
    onStopped: async () => {
      await dropDatabase(server.url, name);
      await server.stop();
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
