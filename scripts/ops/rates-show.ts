import { db } from "@/db/client";
import { withMinDigits } from "@/lib/domain/fx";
import { isCurrencyCode } from "@/lib/domain/money";
import { loadRateBook } from "@/lib/server/fx/rates";
import type { OpsCommand } from "./command";

export const ratesShowCommand: OpsCommand = {
  name: "rates:show",
  usage: "rates:show BASE QUOTE",
  summary: 'Print the newest stored rate of a pair as one JSON line {"base","quote","mid","asOf","source"}',
  needsDatabase: true,
  async run([base, quote]) {
    const pair = [base?.toUpperCase(), quote?.toUpperCase()];
    if (!pair[0] || !pair[1] || !pair.every((code) => isCurrencyCode(code!))) {
      console.error("Usage: npm run ops -- rates:show BASE QUOTE   (ISO 4217 codes, e.g. USD CNY)");
      return 1;
    }
    const rate = (await loadRateBook(db())).resolve(pair[0], pair[1]);
    if (!rate) {
      console.error(`No stored rate for ${pair[0]}/${pair[1]}: run rates:import first.`);
      return 1;
    }
    const asOf = rate.via === "identity" ? new Date().toISOString() : rate.asOf.toISOString();
    console.log(JSON.stringify({ base: rate.base, quote: rate.quote, mid: withMinDigits(rate.mid), asOf, source: rate.source }));
    return 0;
  },
};
