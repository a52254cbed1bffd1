import { resetClock } from "@/lib/server/clock";
import type { OpsCommand } from "./command";

export const clockResetCommand: OpsCommand = {
  name: "clock:reset",
  summary: "Put the test clock back to real time",
  needsDatabase: true,
  async run() {
    await resetClock();
    console.log("Test clock reset to real time.");
    return 0;
  },
};
