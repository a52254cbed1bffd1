import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { collectionAccounts, kybApplications } from "@/db/schema";
import { COLLECTION_CURRENCIES, validateReceivingDetails, type ReceivingScheme } from "@/lib/domain/banking";
import { createTeam, createUser, signedIn } from "@/tests/fixtures/people";
import type { BankAdapter } from "../banking";
import { sandboxBankAdapter } from "../banking/sandbox";
import { executeAction } from "../guard/execute-action";
import { approveApplicationAction } from "../kyb/review";
import { collectionAccountFor, ensureCollectionAccounts, findCollectionAccountByIdentifier, listCollectionAccounts } from "./accounts";

async function approvedTeam(legalNameEn: string | null = "Ningbo Harbour Fasteners Co., Ltd.") {
  const team = await createTeam();
  await db().insert(kybApplications).values({ organizationId: team.organization.id, status: "approved", approvedTier: "premium", legalNameEn });
  return team;
}

const ensure = (organizationId: string, adapter?: BankAdapter) => db().transaction((tx) => ensureCollectionAccounts(tx, organizationId, adapter));

describe("collection accounts", () => {
  it("issues one valid account per supported currency to an approved organization, in the holder's English legal name", async () => {
    const team = await approvedTeam();
    const accounts = await ensure(team.organization.id);
    expect(accounts.map((a) => a.currency)).toEqual([...COLLECTION_CURRENCIES]);
    for (const account of accounts) {
      expect(account).toMatchObject({ provider: "sandbox", accountHolder: "Ningbo Harbour Fasteners Co., Ltd.", bankName: expect.stringMatching(/^Quayside Sandbox Bank/) });
      expect(validateReceivingDetails(account.scheme as ReceivingScheme, account.details), account.currency).toEqual([]);
    }
    const eur = accounts.find((a) => a.currency === "EUR")!;
    expect(eur.accountIdentifier).toBe(eur.details.iban);
    expect(eur.accountIdentifier).toMatch(/^DE\d{20}$/);
    const usd = accounts.find((a) => a.currency === "USD")!;
    expect(usd).toMatchObject({ scheme: "us_ach", accountIdentifier: usd.details.accountNumber, details: { routingNumber: "026009991" } });
  });

  it("is idempotent, also when two runs race, and gives the same details again", async () => {
    const team = await approvedTeam();
    const [first, second] = await Promise.all([ensure(team.organization.id), ensure(team.organization.id)]);
    expect(second.map((a) => a.id)).toEqual(first.map((a) => a.id));
    const again = await ensure(team.organization.id);
    expect(again.map((a) => [a.id, a.accountIdentifier])).toEqual(first.map((a) => [a.id, a.accountIdentifier]));
    expect(await db().select().from(collectionAccounts).where(eq(collectionAccounts.organizationId, team.organization.id))).toHaveLength(COLLECTION_CURRENCIES.length);
  });

  it("gives every organization its own identifiers, and moves on when a derived number is taken", async () => {
    const [a, b] = await Promise.all([approvedTeam(), approvedTeam(null)]);
    const [accountsA, accountsB] = await Promise.all([ensure(a.organization.id), ensure(b.organization.id)]);
    const identifiersA = new Set(accountsA.map((x) => `${x.currency}:${x.accountIdentifier}`));
    expect(accountsB.some((x) => identifiersA.has(`${x.currency}:${x.accountIdentifier}`))).toBe(false);
    expect(accountsB[0]!.accountHolder).toBe(b.organization.name);

    // A bank that first offers B's existing USD number to a third organization: it must be asked again.
    const c = await approvedTeam();
    const takenUsd = accountsB.find((x) => x.currency === "USD")!;
    let offered = 0;
    const clashing: BankAdapter = {
      provider: "sandbox",
      async issueCollectionAccount(holder, currency, context) {
        const issued = await sandboxBankAdapter.issueCollectionAccount(holder, currency, context);
        if (currency !== "USD" || offered++ > 0) return issued;
        return { ...issued, accountIdentifier: takenUsd.accountIdentifier, details: takenUsd.details };
      },
    };
    const accountsC = await ensure(c.organization.id, clashing);
    expect(offered).toBe(2);
    expect(accountsC.find((x) => x.currency === "USD")!.accountIdentifier).not.toBe(takenUsd.accountIdentifier);
  });

  it("refuses an organization that is not approved, and writes nothing", async () => {
    const team = await createTeam();
    await db().insert(kybApplications).values({ organizationId: team.organization.id, status: "in_review" });
    await expect(ensure(team.organization.id)).rejects.toMatchObject({ code: "kyb_not_approved" });
    expect(await listCollectionAccounts(db(), team.organization.id)).toEqual([]);
  });

  it("finds the account a statement names, by IBAN with spaces or by account number and currency", async () => {
    const team = await approvedTeam();
    const accounts = await ensure(team.organization.id);
    const gbp = accounts.find((a) => a.currency === "GBP")!;
    const spaced = gbp.accountIdentifier.toLowerCase().replace(/(.{4})/g, "$1 ");
    expect((await findCollectionAccountByIdentifier(db(), spaced))?.id).toBe(gbp.id);
    expect((await findCollectionAccountByIdentifier(db(), gbp.accountIdentifier, "EUR"))).toBeNull();
    const hkd = accounts.find((a) => a.currency === "HKD")!;
    expect((await findCollectionAccountByIdentifier(db(), hkd.accountIdentifier, "HKD"))?.organizationId).toBe(team.organization.id);
    expect((await collectionAccountFor(db(), team.organization.id, "CNY"))?.details.cnapsCode).toMatch(/^\d{12}$/);
    expect(await collectionAccountFor(db(), team.organization.id, "CHF")).toBeNull();
  });

  it("opens the accounts when a reviewer approves the organization", async () => {
    const team = await createTeam();
    const [application] = await db()
      .insert(kybApplications)
      .values({ organizationId: team.organization.id, status: "in_review", riskLevel: "standard", round: 1, legalNameEn: "Foshan Pearl Lighting Co., Ltd." })
      .returning();
    const staff = await createUser({ staffRole: "kyc_reviewer", totp: true });
    const result = await executeAction(approveApplicationAction, { applicationId: application!.id, tier: "standard" }, await signedIn(staff, { secondFactorAgoMs: 0 }));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { status: "approved" } });
    const accounts = await listCollectionAccounts(db(), team.organization.id);
    expect(accounts.map((a) => a.currency)).toEqual([...COLLECTION_CURRENCIES]);
    expect(accounts[0]!.accountHolder).toBe("Foshan Pearl Lighting Co., Ltd.");
  });
});
