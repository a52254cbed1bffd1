import { cardChargebackCommand } from "./card-chargeback";
import { clockAdvanceCommand } from "./clock-advance";
import { clockResetCommand } from "./clock-reset";
import type { OpsCommand } from "./command";
import { ledgerVerifyCommand } from "./ledger-verify";
import { migrateCommand } from "./migrate";
import { payoutFailCommand, payoutReturnCommand } from "./payout-outcome";
import { ratesImportCommand } from "./rates-import";
import { ratesShowCommand } from "./rates-show";
import { seedCommand } from "./seed";
import { seedScaleCommand } from "./seed-scale";
import { settleCommand } from "./settle";
import { statementImportCommand } from "./statement-import";
import { statementParseCommand } from "./statement-parse";
import { totpCommand } from "./totp";

export const opsCommands: OpsCommand[] = [migrateCommand, seedCommand, seedScaleCommand, totpCommand, ledgerVerifyCommand, ratesImportCommand, ratesShowCommand, statementParseCommand, statementImportCommand, clockAdvanceCommand, clockResetCommand, cardChargebackCommand, payoutFailCommand, payoutReturnCommand, settleCommand];
