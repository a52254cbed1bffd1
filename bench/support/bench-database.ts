import path from "node:path";
import { type DatabaseHandle, startEmbeddedPostgres } from "../../scripts/database";

/** The server a benchmark creates its databases on: TEST_DATABASE_URL's, else an embedded PostgreSQL of its own. */
export async function benchServer(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { url, embedded: false, stop: async () => {} };
  return startEmbeddedPostgres(path.resolve(".data/bench-postgres"), 54349);
}
