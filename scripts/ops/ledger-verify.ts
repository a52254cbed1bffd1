import { db } from "../../db/client";
import { formatLedgerReport, verifyLedger } from "../../lib/server/ledger/verify";
import type { OpsCommand } from "./command";

export const ledgerVerifyCommand: OpsCommand = {
  name: "ledger:verify",
  summary: "Check every ledger invariant over the whole database; exit 1 if any is broken",
  needsDatabase: true,
  async run() {
    const report = await verifyLedger(db());
    console.log(formatLedgerReport(report));
    return report.failures.length === 0 ? 0 : 1;
  },
};
