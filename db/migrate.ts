import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

/** Applies every migration in db/migrations; safe to run concurrently from several processes. */
export async function migrateDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(72616001)`;
    await migrate(drizzle(sql), { migrationsFolder: path.resolve(import.meta.dirname, "migrations") });
    await sql`select pg_advisory_unlock(72616001)`;
  } finally {
    await sql.end();
  }
}
