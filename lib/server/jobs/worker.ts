import PgBoss from "pg-boss";
import postgres from "postgres";
import { jobs } from "./registry";
import { WAKE_CHANNEL } from "./wake-channel";

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Runs every registered job on pg-boss (its tables live in the `pgboss` schema of the same database).
 * Several workers may run against one database: pg-boss hands each job to one of them.
 */
export async function startWorker(databaseUrl: string): Promise<RunningWorker> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4 });
  let stopping = false;
  boss.on("error", (error) => {
    if (!stopping) console.error("job queue error", error);
  });
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, retryLimit: 8, retryDelay: 5, retryBackoff: true });
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async (batch) => {
      for (const item of batch) await job.run(item.data);
    });
    if (job.cron) await boss.schedule(job.name, job.cron);
  }
  const listener = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const subscription = await listener.listen(WAKE_CHANNEL, (name) => {
    if (jobs.some((job) => job.name === name)) {
      boss.send(name, {}, { singletonKey: name, singletonSeconds: 2 }).catch((error) => console.error(error));
    }
  });
  return {
    /** Safe to call when the database is already gone (Ctrl-C reaches PostgreSQL too). */
    async stop() {
      stopping = true;
      await subscription.unlisten().catch(() => {});
      await listener.end({ timeout: 2 }).catch(() => {});
      await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
    },
  };
}
