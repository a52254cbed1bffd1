import { db } from "@/db/client";
import { CLEAR_CARD_PAYMENTS_JOB, clearDueCardPayments } from "../card-payments/clearing";
import { COMPACT_DASHBOARD_JOB, compactDashboard } from "../dashboard/compact";
import { DISPUTE_TIMERS_JOB, runDisputeTimers } from "../disputes/timers";
import { deliverPendingEmails } from "../email/outbox";
import { ratesUrl } from "../fx/config";
import { ecbRateSource, importFromSource, refreshDemoRates } from "../fx/rates";
import { PROCESS_PAYOUTS_JOB } from "../payouts/lifecycle";
import { processPayouts } from "../payouts/process";
import { runSettlement, SETTLEMENT_RUN_JOB } from "../settlement/run";
import { resumeStalledImports } from "../statements/runner";
import { runDailyCollections } from "../reminders/daily";
import { deliverDueChargebacks } from "../sandbox-card/chargebacks";
import { DELIVER_WEBHOOKS_JOB, deliverDueWebhooks } from "../sandbox-card/webhooks";

export interface JobDefinition {
  name: string;
  /** Cron schedule (UTC) that runs the job even when nothing woke it. */
  cron?: string;
  /** Must be idempotent: a job may run again after a crash or a retry. */
  run(data: unknown): Promise<void>;
}

export const jobs: JobDefinition[] = [
  {
    // The dashboard aggregates' deltas folded into one row per key, so reads stay as small as the keys.
    name: COMPACT_DASHBOARD_JOB,
    cron: "*/5 * * * *",
    async run() {
      await compactDashboard();
    },
  },
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
  {
    // Statement imports a stopped process left half done are run again from their kept files.
    name: "statements.resumeImports",
    cron: "* * * * *",
    async run() {
      await resumeStalledImports();
    },
  },
  {
    // Each organization's day: overdue flags, then reminder emails to buyers (see lib/server/reminders/daily.ts).
    name: "collections.daily",
    cron: "17 * * * *",
    async run() {
      await runDailyCollections();
    },
  },
  {
    // The sandbox card processor's webhook retries with backoff (the first delivery is attempted at once).
    name: DELIVER_WEBHOOKS_JOB,
    cron: "* * * * *",
    async run() {
      await deliverDueWebhooks();
      await deliverDueChargebacks();
    },
  },
  {
    // Succeeded card payments: pending → available once CARD_CLEARING_DELAY_HOURS have passed.
    name: CLEAR_CARD_PAYMENTS_JOB,
    cron: "*/5 * * * *",
    async run() {
      await clearDueCardPayments();
    },
  },
  {
    // Dispute cases: shortfalls reserved from new available money, missed service levels flagged and escalated.
    name: DISPUTE_TIMERS_JOB,
    cron: "* * * * *",
    async run() {
      await runDisputeTimers();
    },
  },
  {
    // Approved payouts go to the bank; sent ones become paid, failed or returned as the bank says (lib/server/payouts).
    name: PROCESS_PAYOUTS_JOB,
    cron: "* * * * *",
    async run() {
      await processPayouts();
    },
  },
  {
    // Each China morning (08:30 Asia/Shanghai): what is due under every organization's settlement schedules is paid
    // out, one batch per organization and currency; a second run of the day settles nothing twice (lib/server/settlement).
    name: SETTLEMENT_RUN_JOB,
    cron: "30 0 * * *",
    async run() {
      await runSettlement({ trigger: "job" });
    },
  },
];
