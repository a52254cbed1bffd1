import { db } from "@/db/client";
import { EcbFormatError } from "@/lib/domain/fx";
import { ecbRateSource, importFromSource } from "@/lib/server/fx/rates";
import type { OpsCommand } from "./command";

export const ratesImportCommand: OpsCommand = {
  name: "rates:import",
  usage: "rates:import FILE_OR_URL",
  summary: "Import ECB euro reference rates (daily, 90-day or full history XML) from a file or URL",
  needsDatabase: true,
  async run([location]) {
    if (!location) {
      console.error("Usage: npm run ops -- rates:import FILE_OR_URL   (e.g. data/ecb/eurofxref-hist-90d.xml)");
      return 1;
    }
    try {
      const result = await importFromSource(db(), ecbRateSource(location));
      console.log(
        `Imported ${result.inserted} new of ${result.read} rates from ${location}` +
          (result.newest ? ` (${result.oldest!.toISOString().slice(0, 10)} to ${result.newest.toISOString().slice(0, 10)})` : ""),
      );
      return 0;
    } catch (error) {
      console.error(error instanceof EcbFormatError ? `Refused: ${error.message}` : `Import failed: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  },
};
