import { migrateDatabase } from "../db/migrate";
import { closeDb } from "../db/client";
import { ensureAuthSecret } from "./auth-secret";
import { resolveAppDatabase } from "./database";
import { opsCommands } from "./ops/registry";

function printHelp(): void {
  console.log("Usage: npm run ops -- <command> [options]\n\nCommands:");
  for (const command of opsCommands) {
    console.log(`  ${(command.usage ?? command.name).padEnd(34)} ${command.summary}`);
  }
  console.log("\nUses DATABASE_URL when set, otherwise the embedded database under .data/ (migrated first).");
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === "--help" || name === "-h" || name === "help") {
    printHelp();
    return name ? 0 : 1;
  }
  const command = opsCommands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command: ${name}\n`);
    printHelp();
    return 1;
  }
  if (args.includes("--help")) {
    console.log(`Usage: npm run ops -- ${command.usage ?? command.name}\n\n${command.summary}`);
    return 0;
  }
  ensureAuthSecret();
  if (!command.needsDatabase) return command.run(args);
  const database = await resolveAppDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await migrateDatabase(database.url);
    return await command.run(args);
  } finally {
    await closeDb();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
