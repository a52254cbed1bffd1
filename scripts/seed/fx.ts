import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { fxPricing, memberships, organizations } from "@/db/schema";
import { toStoredTiers } from "@/lib/domain/fx";
import { acceptQuote, createQuote } from "@/lib/server/fx/quotes";
import { DEMO_SOURCE, ecbObservations, storeObservations } from "@/lib/server/fx/rates";
import type { FoundationSeed } from "./foundation";

const SNAPSHOT = path.resolve(import.meta.dirname, "../../data/ecb/eurofxref-hist-90d.xml");

/**
 * FX demo data: the shipped ECB snapshot (90 days, source `ecb`), its newest day again as `demo-snapshot` stamped
 * now so the demo is quotable (the hourly job keeps it so; see data/ecb/README.md), Haiguang's own pricing, and two
 * conversions made through the same service functions the app uses.
 */
export async function seedFx(tx: Transaction, seed: FoundationSeed): Promise<void> {
  const observations = ecbObservations(readFileSync(SNAPSHOT, "utf8"));
  await storeObservations(tx, observations);
  const newest = Math.max(...observations.map((o) => o.asOf.getTime()));
  const now = new Date();
  await storeObservations(
    tx,
    observations.filter((o) => o.asOf.getTime() === newest).map((o) => ({ ...o, asOf: now, source: DEMO_SOURCE })),
  );

  await tx.insert(fxPricing).values({
    organizationId: seed.factory.id,
    tiers: toStoredTiers([
      { fromCnyMinor: 0n, spreadBps: 40, feeBps: 5 },
      { fromCnyMinor: 5_000_000n, spreadBps: 25, feeBps: 0 },
      { fromCnyMinor: 50_000_000n, spreadBps: 15, feeBps: 0 },
    ]),
    updatedBy: seed.userIds.admin,
  });

  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, seed.factory.id));
  const [membership] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, seed.factory.id), eq(memberships.userId, seed.userIds.owner)));
  const owner = { organization: organization!, membership: membership! };
  for (const input of [
    { sellCurrency: "USD", buyCurrency: "CNY", side: "sell" as const, amountMinor: 800_000n },
    { sellCurrency: "EUR", buyCurrency: "CNY", side: "buy" as const, amountMinor: 2_000_000n },
  ]) {
    const quote = await createQuote(tx, owner, input);
    await acceptQuote(tx, owner, quote.id);
  }
}
