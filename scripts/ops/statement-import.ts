import { stat } from "node:fs/promises";
import { eq, or } from "drizzle-orm";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { CSV_MAPPINGS, type CsvMapping, STATEMENT_FORMATS, type StatementFormat } from "@/lib/domain/statements";
import { csvMappingFor } from "@/lib/server/statements/csv-mappings";
import { describeFile } from "@/lib/server/statements/files";
import { createStatementImport } from "@/lib/server/statements/imports";
import { detectFileFormat } from "@/lib/server/statements/read-file";
import { runStatementImport } from "@/lib/server/statements/run-import";
import type { OpsCommand } from "./command";

const USAGE = `statement:import FILE --org ID_OR_SLUG [--format ${STATEMENT_FORMATS.join("|")}] [--mapping BANK]`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPTIONS = ["--org", "--format", "--mapping"];

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

/** Imports FILE for an organization, as an operator (no user): prints a JSON summary; 1 on any refusal. */
export async function statementImport(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const file = args.find((arg, i) => !arg.startsWith("--") && !OPTIONS.includes(args[i - 1] ?? ""));
  const org = option(args, "--org");
  const format = option(args, "--format") as StatementFormat | undefined;
  const bank = option(args, "--mapping");
  if (!file || !org || (format !== undefined && !STATEMENT_FORMATS.includes(format))) {
    err(`Usage: npm run ops -- ${USAGE}`);
    return 1;
  }
  const [organization] = await db()
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .where(UUID.test(org) ? or(eq(organizations.id, org), eq(organizations.slug, org)) : eq(organizations.slug, org));
  if (!organization) {
    err(`No organization "${org}"`);
    return 1;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
  } catch {
    err(`Cannot read ${file}`);
    return 1;
  }
  const detected = format ?? (await detectFileFormat(file));
  let csvMapping: CsvMapping | undefined;
  if (detected === "csv") {
    if (!bank) {
      err(`A CSV statement needs --mapping BANK (a saved mapping of ${organization.slug}, or one of ${Object.keys(CSV_MAPPINGS).join(", ")})`);
      return 1;
    }
    csvMapping = (await csvMappingFor(db(), organization.id, bank)) ?? CSV_MAPPINGS[bank];
    if (!csvMapping) {
      err(`No CSV mapping "${bank}" for ${organization.slug}`);
      return 1;
    }
  }
  const { sha256, sizeBytes } = await describeFile(file);
  const importId = await createStatementImport(db(), { organizationId: organization.id, format: detected, fileName: file.split("/").pop()!, sha256, sizeBytes, importedBy: null });
  const outcome = await runStatementImport(importId, file, csvMapping ? { csvMapping } : {});
  if (outcome.status === "failed") {
    err(`Refused ${file}: ${outcome.error.message}. Nothing was imported.`);
    out(JSON.stringify({ importId, status: "failed", error: outcome.error }));
    return 1;
  }
  const { status, transactions, imported, duplicates, matched, skipped, balanceMismatch, statements } = outcome;
  out(JSON.stringify({ importId, organization: organization.slug, format: detected, status, transactions, imported, duplicates, matched, skipped, balanceMismatch, statements }));
  return 0;
}

export const statementImportCommand: OpsCommand = {
  name: "statement:import",
  usage: USAGE,
  summary: "Import a bank statement (camt.053/054, MT940, CSV) into an organization's collection accounts; prints a JSON summary",
  needsDatabase: true,
  run: (args) => statementImport(args),
};
