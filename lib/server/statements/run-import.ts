import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { incomingPayments, statementImports } from "@/db/schema";
import { type CsvMapping, readAhead, StatementParseError, type StatementSummary, type StatementTransaction } from "@/lib/domain/statements";
import { type CollectionAccount, listCollectionAccounts } from "../collections/accounts";
import { autoMatchPayments } from "../matching/auto-match";
import { accountKey, routeTransaction, type TransactionRoute } from "./classify";
import { fromDatabaseFormat } from "./formats";
import { chargeStatementImportFee } from "./import-fee";
import { readStatementFile } from "./read-file";
import { ScratchFile } from "./scratch";
import { type ReversalOutcome, reverseReceipt } from "./reversals";
import { type ReceiptRow, storeReceipts } from "./store-receipts";

export const IMPORT_BATCH_SIZE = 1000;
/** Bank references of flagged reversals kept per statement, for the detail page. */
const FLAGGED_REFS_KEPT = 20;

/** One account's statements in the file as the import saw them (stored in statement_imports.summaries). */
export interface StatementResult {
  account: string;
  currency: string;
  statements: number;
  openingBalanceMinor?: string;
  closingBalanceMinor?: string;
  balanceMismatch: boolean;
  /** The account is one of the organization's collection accounts in this currency. */
  collectionAccount: boolean;
  transactions: number;
  receipts: number;
  skippedDebits: number;
  skippedNotOurs: number;
  reversals: number;
  reversed: number;
  reversalsFlagged: number;
  flaggedBankRefs: string[];
}

export type ImportOutcome =
  | { status: "completed"; transactions: number; imported: number; duplicates: number; matched: number; skipped: number; balanceMismatch: boolean; statements: StatementResult[] }
  | { status: "failed"; error: StatementImportFailure };

/** What `statement_imports.error` holds: a code of the errors catalog (statement_<parse code>) and where. */
export interface StatementImportFailure {
  code: string;
  params: Record<string, string | number>;
  message: string;
}

function parseFailure(error: StatementParseError): StatementImportFailure {
  const params = Object.fromEntries(Object.entries(error.params).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
  return { code: `statement_${error.code}`, params, message: error.message };
}

interface Routed {
  tx: StatementTransaction;
  route: TransactionRoute;
}

/** Transactions in batches, each with where it goes. */
async function* batchesOf(transactions: AsyncIterable<StatementTransaction>, accounts: ReadonlyMap<string, unknown>): AsyncGenerator<Routed[]> {
  let batch: Routed[] = [];
  for await (const tx of transactions) {
    batch.push({ tx, route: routeTransaction(tx, accounts) });
    if (batch.length === IMPORT_BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The results per account and currency. A file may carry several statements of one account (one per day): their
 * balances chain, so the first opening and the last closing balance are kept and any mismatch flags the account.
 */
class AccountResults {
  private readonly byAccount = new Map<string, StatementResult>();

  constructor(private readonly accounts: ReadonlyMap<string, unknown>) {}

  private of(account: string, currency: string): StatementResult {
    const key = accountKey(account, currency);
    let result = this.byAccount.get(key);
    if (!result) {
      result = {
        account,
        currency,
        statements: 0,
        balanceMismatch: false,
        collectionAccount: this.accounts.has(key),
        transactions: 0,
        receipts: 0,
        skippedDebits: 0,
        skippedNotOurs: 0,
        reversals: 0,
        reversed: 0,
        reversalsFlagged: 0,
        flaggedBankRefs: [],
      };
      this.byAccount.set(key, result);
    }
    return result;
  }

  statement(summary: StatementSummary): void {
    const result = this.of(summary.account, summary.currency);
    result.statements++;
    if (summary.openingBalanceMinor !== undefined && result.openingBalanceMinor === undefined) result.openingBalanceMinor = summary.openingBalanceMinor.toString();
    if (summary.closingBalanceMinor !== undefined) result.closingBalanceMinor = summary.closingBalanceMinor.toString();
    result.balanceMismatch ||= summary.balanceMismatch;
  }

  read({ tx, route }: Routed): void {
    const result = this.of(tx.account, tx.currency);
    result.transactions++;
    if (route === "receipt") result.receipts++;
    else if (route === "debit") result.skippedDebits++;
    else if (route === "not_ours") result.skippedNotOurs++;
    else result.reversals++;
  }

  reversal(tx: StatementTransaction, outcome: ReversalOutcome): void {
    const result = this.of(tx.account, tx.currency);
    if (outcome === "reversed") result.reversed++;
    if (outcome === "flagged") {
      result.reversalsFlagged++;
      if (result.flaggedBankRefs.length < FLAGGED_REFS_KEPT) result.flaggedBankRefs.push(tx.bankRef);
    }
  }

  list(): StatementResult[] {
    return [...this.byAccount.values()];
  }
}

/**
 * Imports a statement file for the organization of `importId` (a `processing` statement_imports row).
 *
 * Two streaming passes. The first parses the whole file, counts, and keeps the transactions as JSON lines in a
 * scratch file, so a malformed file is refused (with the line or element at fault) before anything is written.
 * The second reads the scratch file and stores the credits in batches, each
 * batch in a transaction of its own with its matching and its progress, so a 100,000-transaction file neither sits
 * in memory nor in one long transaction, and the progress bar moves. A run cut short (crash, lost connection) is
 * simply run again: the (account, bank reference) key makes stored batches duplicates, and the same key makes two
 * overlapping imports running at once store each transaction once.
 */
export async function runStatementImport(
  importId: string,
  file: string,
  options: { csvMapping?: CsvMapping; executor?: Executor } = {},
): Promise<ImportOutcome> {
  // The demo seed imports inside its own transaction: each batch then runs in a savepoint of it.
  const database = options.executor ?? db();
  const [row] = await database.select().from(statementImports).where(eq(statementImports.id, importId));
  if (!row) throw new Error(`No statement import ${importId}`);
  const accounts = new Map(
    (await listCollectionAccounts(database, row.organizationId)).map((account) => [accountKey(account.accountIdentifier, account.currency), account]),
  );
  const run: ImportRun = { database, row, accounts, results: new AccountResults(accounts) };
  const scratch = await ScratchFile.create();
  try {
    const read = await validate(run, readStatementFile(file, fromDatabaseFormat(row.format), options.csvMapping, (summary) => run.results.statement(summary)), scratch);
    if ("failure" in read) {
      await database
        .update(statementImports)
        .set({ status: "failed", error: JSON.stringify(read.failure), finishedAt: new Date() })
        .where(eq(statementImports.id, importId));
      return { status: "failed", error: read.failure };
    }
    return await store(run, scratch, read);
  } finally {
    await scratch.remove();
  }
}

interface ImportRun {
  database: Executor;
  row: typeof statementImports.$inferSelect;
  accounts: ReadonlyMap<string, CollectionAccount>;
  results: AccountResults;
}

/** Pass 1: parse everything and count, writing nothing to the database; the transactions go to the scratch file. */
async function validate(
  { database, row, accounts, results }: ImportRun,
  transactions: AsyncIterable<StatementTransaction>,
  scratch: ScratchFile,
): Promise<{ total: number; receipts: number } | { failure: StatementImportFailure }> {
  let total = 0;
  let receipts = 0;
  try {
    for await (const batch of batchesOf(transactions, accounts)) {
      for (const routed of batch) results.read(routed);
      await scratch.write(batch.map((b) => b.tx));
      total += batch.length;
      receipts += batch.filter((b) => b.route === "receipt").length;
    }
    await scratch.close();
  } catch (error) {
    if (error instanceof StatementParseError) return { failure: parseFailure(error) };
    throw error;
  }
  const statements = results.list();
  await database
    .update(statementImports)
    .set({
      summaries: statements as unknown as Record<string, unknown>[],
      balanceMismatch: statements.some((r) => r.balanceMismatch),
      transactionCount: 0,
      importedCount: 0,
      duplicateCount: 0,
      matchedCount: 0,
      error: null,
    })
    .where(eq(statementImports.id, row.id));
  return { total, receipts };
}

function receiptRow(account: CollectionAccount, t: StatementTransaction): ReceiptRow {
  return {
    collectionAccountId: account.id,
    // The key recordBankReceipt and sandbox transfers use too: the account as the collection account stores it.
    accountIdentifier: account.accountIdentifier,
    bankRef: t.bankRef,
    currency: t.currency,
    amountMinor: t.amountMinor,
    bookingDate: t.bookingDate,
    valueDate: t.valueDate,
    ...(t.ref !== undefined ? { reference: t.ref } : {}),
    ...(t.text !== undefined ? { remittanceText: t.text } : {}),
    ...(t.party !== undefined ? { payerName: t.party } : {}),
  };
}

/** Pass 2: store, reverse and match batch by batch, each batch one transaction that also moves the progress. */
async function store({ database, row, accounts, results }: ImportRun, scratch: ScratchFile, read: { total: number; receipts: number }): Promise<ImportOutcome> {
  const accountOf = (t: StatementTransaction) => accounts.get(accountKey(t.account, t.currency))!;
  for await (const batch of readAhead(batchesOf(scratch.read(), accounts))) {
    await database.transaction(async (tx) => {
      const stored = await storeReceipts(tx, {
        organizationId: row.organizationId,
        statementImportId: row.id,
        createdBy: row.importedBy,
        rows: batch.filter((b) => b.route === "receipt").map(({ tx: t }) => receiptRow(accountOf(t), t)),
      });
      for (const { tx: t } of batch.filter((b) => b.route === "reversal")) {
        const outcome = await reverseReceipt(tx, {
          organizationId: row.organizationId,
          accountIdentifier: accountOf(t).accountIdentifier,
          bankRef: t.bankRef,
          amountMinor: t.amountMinor,
          userId: row.importedBy,
        });
        results.reversal(t, outcome);
      }
      const matched = stored.createdIds.length > 0 ? (await autoMatchPayments(tx, row.organizationId, stored.createdIds)).matchedCount : 0;
      await tx
        .update(statementImports)
        .set({
          transactionCount: sql`${statementImports.transactionCount} + ${batch.length}`,
          importedCount: sql`${statementImports.importedCount} + ${stored.createdIds.length}`,
          duplicateCount: sql`${statementImports.duplicateCount} + ${stored.duplicates}`,
          matchedCount: sql`${statementImports.matchedCount} + ${matched}`,
        })
        .where(eq(statementImports.id, row.id));
    });
  }

  // Counted from what the import owns, so a run that follows a crashed one reports the file as a whole.
  const [owned] = await database
    .select({
      imported: sql<number>`count(*)::int`,
      matched: sql<number>`(count(*) filter (where ${inArray(incomingPayments.matchStatus, ["matched", "partially_matched"])}))::int`,
    })
    .from(incomingPayments)
    .where(and(eq(incomingPayments.statementImportId, row.id), eq(incomingPayments.organizationId, row.organizationId)));
  const { imported, matched } = owned!;
  const duplicates = read.receipts - imported;
  const statements = results.list();
  const balanceMismatch = statements.some((r) => r.balanceMismatch);
  await database.transaction(async (tx) => {
    await tx
      .update(statementImports)
      .set({
        status: "completed",
        transactionCount: read.total,
        importedCount: imported,
        duplicateCount: duplicates,
        matchedCount: matched,
        summaries: statements as unknown as Record<string, unknown>[],
        finishedAt: new Date(),
      })
      .where(eq(statementImports.id, row.id));
    await chargeStatementImportFee(tx, {
      organizationId: row.organizationId,
      importId: row.id,
      currencies: statements.filter((statement) => statement.collectionAccount).map((statement) => statement.currency),
      createdBy: row.importedBy,
    });
  });
  const skipped = statements.reduce((sum, r) => sum + r.skippedDebits + r.skippedNotOurs, 0);
  return { status: "completed", transactions: read.total, imported, duplicates, matched, skipped, balanceMismatch, statements };
}
