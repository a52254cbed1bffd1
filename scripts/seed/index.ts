import { count, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { seedCardPayments } from "./card-payments";
import { seedCollections } from "./collections";
import { seedDashboard } from "./dashboard";
import { seedDisputes } from "./disputes";
import { seedFoundation } from "./foundation";
import { seedExposure } from "./exposure";
import { seedFees } from "./fees";
import { seedFx } from "./fx";
import { seedInvoiceDocuments } from "./invoice-documents";
import { seedInvoices } from "./invoices";
import { seedKyb } from "./kyb";
import { seedLedger } from "./ledger";
import { seedPayments } from "./payments";
import { seedPayouts } from "./payouts";
import { seedSettlement } from "./settlement";
import { seedStatements } from "./statements";

/** Seeds the demo data into an empty database; returns false (and writes nothing) when users exist already. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(72616002)`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0) return false;
    const foundation = await seedFoundation(tx);
    await seedLedger(tx, foundation);
    await seedKyb(tx, foundation);
    await seedCollections(tx, foundation);
    await seedFx(tx, foundation);
    await seedFees(tx, foundation);
    await seedInvoices(tx, foundation);
    await seedInvoiceDocuments(tx, foundation);
    await seedExposure(tx, foundation);
    await seedPayments(tx, foundation);
    await seedStatements(tx, foundation);
    await seedCardPayments(tx, foundation);
    await seedDashboard(tx, foundation);
    await seedPayouts(tx, foundation);
    await seedDisputes(tx, foundation);
    await seedSettlement(tx, foundation);
    return true;
  });
}
