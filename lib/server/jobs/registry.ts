import { deliverPendingEmails } from "../email/outbox";

export interface JobDefinition {
  name: string;
  /** Cron schedule (UTC) that runs the job even when nothing woke it. */
  cron?: string;
  /** Must be idempotent: a job may run again after a crash or a retry. */
  run(data: unknown): Promise<void>;
}

export const jobs: JobDefinition[] = [
  {
    name: "email.deliver",
    cron: "* * * * *",
    async run() {
      await deliverPendingEmails();
    },
  },
];
