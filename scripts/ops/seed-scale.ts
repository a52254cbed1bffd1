import { localDateOf } from "@/lib/domain/time/local-day";
import { seedScale } from "../scale";
import type { OpsCommand } from "./command";

const USAGE = "seed:scale --invoices N [--slug SLUG]";
const MAX_INVOICES = 5_000_000;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

export const seedScaleCommand: OpsCommand = {
  name: "seed:scale",
  summary: "Create an organization with N invoices over three years, their payments and ledger history (bulk, verified)",
  usage: USAGE,
  needsDatabase: true,
  async run(args) {
    const invoices = Number(option(args, "--invoices"));
    const slug = option(args, "--slug") ?? `scale-${invoices}-${Date.now().toString(36)}`;
    if (!Number.isInteger(invoices) || invoices < 1 || invoices > MAX_INVOICES || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) {
      console.error(`Usage: npm run ops -- ${USAGE}   (1 ≤ N ≤ ${MAX_INVOICES}; SLUG: lowercase letters, digits, hyphens)`);
      return 1;
    }
    const result = await seedScale({ invoices, slug, today: localDateOf(new Date(), "Asia/Shanghai"), log: console.log });
    console.log(`Organization ${result.slug} (${result.organizationId}): ${result.invoices} invoices, ${result.payments} payments, ${result.conversions} conversions, ${result.payouts} payouts`);
    console.log(`Sign in as ${result.ownerEmail} / ${result.ownerPassword}`);
    console.log(`Ledger: ${result.ledger}`);
    return 0;
  },
};
