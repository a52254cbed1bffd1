import type { Executor } from "@/db/client";
import { statementImports } from "@/db/schema";
import type { StatementFormat } from "@/lib/domain/statements";
import { toDatabaseFormat } from "./formats";

/** The row an import reports into: `processing` until its run completes or fails. */
export async function createStatementImport(
  executor: Executor,
  input: { organizationId: string; format: StatementFormat; fileName: string; sha256: string; sizeBytes: number; importedBy: string | null },
): Promise<string> {
  const [row] = await executor
    .insert(statementImports)
    .values({
      organizationId: input.organizationId,
      format: toDatabaseFormat(input.format),
      fileName: input.fileName.slice(0, 255),
      sha256: input.sha256,
      sizeBytes: input.sizeBytes,
      importedBy: input.importedBy,
    })
    .returning({ id: statementImports.id });
  return row!.id;
}
