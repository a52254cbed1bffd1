import path from "node:path";
import { startEmbeddedPostgres, type DatabaseHandle } from "../../scripts/database";

/** The server tests create their databases on: TEST_DATABASE_URL, else an embedded cluster under .data/. */
export async function testServer(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { url, embedded: false, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54339);
  return startEmbeddedPostgres(path.resolve(".data/test-postgres"), port);
}
