import type { OpsCommand } from "./command";
import { ledgerVerifyCommand } from "./ledger-verify";
import { migrateCommand } from "./migrate";
import { ratesImportCommand } from "./rates-import";
import { ratesShowCommand } from "./rates-show";
import { seedCommand } from "./seed";
import { seedScaleCommand } from "./seed-scale";
import { statementImportCommand } from "./statement-import";
import { statementParseCommand } from "./statement-parse";
import { totpCommand } from "./totp";

export const opsCommands: OpsCommand[] = [migrateCommand, seedCommand, seedScaleCommand, totpCommand, ledgerVerifyCommand, ratesImportCommand, ratesShowCommand, statementParseCommand, statementImportCommand];
