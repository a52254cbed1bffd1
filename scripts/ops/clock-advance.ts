import { advanceClock, parseClockDuration } from "@/lib/server/clock";
import { runDisputeTimers } from "@/lib/server/disputes/timers";
import type { OpsCommand } from "./command";

export const clockAdvanceCommand: OpsCommand = {
  name: "clock:advance",
  usage: "clock:advance DURATION",
  summary: "Move the test clock forward (25h, 90m, 2d, 1d2h…) and run the dispute timers at the new time; honoured by servers with ALLOW_TEST_CLOCK=1",
  needsDatabase: true,
  async run([duration]) {
    const ms = duration ? parseClockDuration(duration) : null;
    if (ms === null) {
      console.error("Usage: npm run ops -- clock:advance DURATION   (e.g. 25h, 90m, 2d, 1d2h)");
      return 1;
    }
    const offset = await advanceClock(ms);
    // This command is the test clock's own: its timer run reads the clock it has just moved.
    process.env.ALLOW_TEST_CLOCK = "1";
    const run = await runDisputeTimers();
    console.log(`Test clock now ${new Date(Date.now() + offset).toISOString()} (${(offset / 3_600_000).toFixed(2)} h ahead of real time).`);
    console.log(`Dispute timers: ${run.checked} case(s) past a deadline checked, ${run.escalated} escalated, ${run.filled} shortfall(s) reserved.`);
    return 0;
  },
};
