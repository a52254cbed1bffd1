import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

type Connection = { sql: postgres.Sql; db: Database };

const globalForDb = globalThis as unknown as { quaysideDb?: Connection };

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it explicitly");
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    types: { bigint: postgres.BigInt },
  });
  return { sql, db: drizzle(sql, { schema }) };
}

/** One pool per process, created on first use so that importing never needs a database. */
export function connection(): Connection {
  globalForDb.quaysideDb ??= connect();
  return globalForDb.quaysideDb;
}

export function db(): Database {
  return connection().db;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.quaysideDb;
  globalForDb.quaysideDb = undefined;
  await current?.sql.end({ timeout: 5 });
}

/**
 * The postgres.js client under drizzle (the pool for the database, the connection for a transaction), for
 * set-based statements with array parameters. Reads drizzle's session internals: checked by the ledger tests.
 */
export function rawClient(executor: Executor): postgres.Sql {
  return (executor._.session as unknown as { client: postgres.Sql }).client;
}
