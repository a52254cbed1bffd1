import { testServer } from "../tests/setup/test-server";
import { runApp } from "./app";
import { dropDatabase, ensureDatabase } from "./database";

/** The app as the end-to-end tests see it: a fresh seeded database of its own, dropped when the server stops. */
async function main(): Promise<void> {
  const server = await testServer();
  const name = `quayside_e2e_${process.pid}`;
  const url = await ensureDatabase(server.url, name);
  process.env.DATABASE_URL = url;
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
