import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../db/migrate";
import { dropDatabase, ensureDatabase } from "../../scripts/database";
import { testServer } from "./test-server";

/** One fresh, migrated database per integration run, dropped afterwards. */
export default async function setup(project: TestProject) {
  const server = await testServer();
  const name = `quayside_test_${process.pid}_${Date.now()}`;
  const url = await ensureDatabase(server.url, name);
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(server.url, name);
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
