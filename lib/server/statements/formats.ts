import type { statementFormat } from "@/db/schema";
import type { StatementFormat } from "@/lib/domain/statements";

type DatabaseFormat = (typeof statementFormat.enumValues)[number];

const TO_DATABASE: Record<StatementFormat, DatabaseFormat> = { "camt.053": "camt053", "camt.054": "camt054", mt940: "mt940", csv: "csv" };

export const toDatabaseFormat = (format: StatementFormat): DatabaseFormat => TO_DATABASE[format];

export function fromDatabaseFormat(format: DatabaseFormat): StatementFormat {
  return (Object.keys(TO_DATABASE) as StatementFormat[]).find((key) => TO_DATABASE[key] === format)!;
}
