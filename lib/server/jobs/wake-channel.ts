/** Postgres NOTIFY channel on which committed work asks the worker to run a job now rather than at its next tick. */
export const WAKE_CHANNEL = "quayside_jobs";
