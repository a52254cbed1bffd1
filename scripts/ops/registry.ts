import type { OpsCommand } from "./command";
import { ledgerVerifyCommand } from "./ledger-verify";
import { migrateCommand } from "./migrate";
import { seedCommand } from "./seed";
import { totpCommand } from "./totp";

export const opsCommands: OpsCommand[] = [migrateCommand, seedCommand, totpCommand, ledgerVerifyCommand];
