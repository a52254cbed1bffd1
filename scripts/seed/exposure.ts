import type { Transaction } from "@/db/client";
import { exposureSettings } from "@/db/schema";
import type { FoundationSeed } from "./foundation";

/** Haiguang's margin basis for the exposure view: a 5 % target margin, entered by its finance manager. */
export async function seedExposure(tx: Transaction, seed: FoundationSeed): Promise<void> {
  await tx.insert(exposureSettings).values({ organizationId: seed.factory.id, targetMarginBps: 500, updatedBy: seed.userIds.finance });
}
