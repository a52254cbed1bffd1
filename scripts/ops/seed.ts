import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../seed/demo-accounts";
import { seedDemoIfEmpty } from "../seed";
import type { OpsCommand } from "./command";

export const seedCommand: OpsCommand = {
  name: "seed",
  summary: "Seed the demo data into an empty database",
  needsDatabase: true,
  async run() {
    const seeded = await seedDemoIfEmpty();
    console.log(seeded ? "Demo data seeded." : "The database already has users; nothing seeded.");
    if (seeded) printDemoLogins();
    return 0;
  },
};

export function printDemoLogins(): void {
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    const note = account.totp ? "  (2FA on: npm run ops -- totp EMAIL prints the code)" : "";
    console.log(`  ${account.email.padEnd(38)}${account.name}${note}`);
  }
}
