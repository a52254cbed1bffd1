import type postgres from "postgres";
import type { Executor } from "@/db/client";

/** The postgres.js client under drizzle (pool or transaction connection), for array parameters in bulk lookups. */
export function rawClient(executor: Executor): postgres.Sql {
  return (executor._.session as unknown as { client: postgres.Sql }).client;
}
