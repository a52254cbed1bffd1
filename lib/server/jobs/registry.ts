import { db } from "@/db/client";
import { deliverPendingEmails } from "../email/outbox";
import { ratesUrl } from "../fx/config";
import { ecbRateSource, importFromSource, refreshDemoRates } from "../fx/rates";

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
  {
    // Hourly: imports ECB rates from FX_RATES_URL when set (idempotent: stored observations are skipped);
    // without it, only keeps the demo snapshot's rates current (see data/ecb/README.md).
    name: "fx.refreshRates",
    cron: "7 * * * *",
    async run() {
      const url = ratesUrl();
      if (url) await importFromSource(db(), ecbRateSource(url));
      else await refreshDemoRates(db());
    },
  },
];
