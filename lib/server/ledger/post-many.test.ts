import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, rawClient } from "@/db/client";
import { canonicalRequest, type EntryDraft, validateEntry } from "@/lib/domain/ledger";
import { collect, createOrganization, org, platform } from "@/tests/fixtures/ledger";
import { ledgerPostMany } from "./post-many";
import { postEntry } from "./post";

/** What the organization's side of the ledger holds: accounts, lines in id order, entries. */
async function ledgerOf(organizationId: string) {
  const sql = rawClient(db());
  const accounts = await sql`
    select kind, currency, balance_minor::text, line_count::text from ledger_accounts where organization_id = ${organizationId} order by kind, currency`;
  const lines = await sql`
    select e.idempotency_key, a.kind, l.amount_minor::text, l.balance_after_minor::text
      from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_accounts a on a.id = l.account_id
     where l.organization_id = ${organizationId} order by l.id`;
  const entries = await sql`
    select idempotency_key, type, description, cause_type, cause_id, request_hash from journal_entries where organization_id = ${organizationId} order by idempotency_key`;
  return { accounts, lines, entries };
}

function drafts(organizationId: string): EntryDraft[] {
  const receipt = (key: string, amountMinor: bigint): EntryDraft => ({
    organizationId,
    idempotencyKey: key,
    type: "collection_receipt",
    description: `Receipt ${key}`,
    cause: { type: "incoming_payment", id: key },
    lines: [
      { account: platform("bank_clearing"), amountMinor: -amountMinor },
      { account: org(organizationId, "unapplied"), amountMinor },
    ],
  });
  const match = (key: string, amountMinor: bigint, feeMinor: bigint): EntryDraft => ({
    organizationId,
    idempotencyKey: key,
    type: "collection_match",
    description: `Match ${key}`,
    lines: [
      { account: org(organizationId, "unapplied"), amountMinor: -amountMinor },
      { account: org(organizationId, "available"), amountMinor: amountMinor - feeMinor },
      ...(feeMinor > 0n ? [{ account: platform("fee_revenue"), amountMinor: feeMinor }] : []),
    ],
  });
  return [receipt("r1", 1000n), match("m1", 1000n, 10n), receipt("r2", 500n), match("m2", 300n, 0n), receipt("r3", 70n)];
}

async function postMany(organizationId: string, entries: EntryDraft[]) {
  await db().transaction(async (tx) => {
    await ledgerPostMany(
      rawClient(tx),
      organizationId,
      null,
      entries.map((entry) => ({ id: randomUUID(), entry: validateEntry(entry) })),
    );
  });
}

describe("ledger_post_many", () => {
  it("writes what ledger_post called for each entry in turn writes", async () => {
    const [one, many] = [await createOrganization(), await createOrganization()];
    for (const draft of drafts(one)) await postEntry(db(), draft);
    await postMany(many, drafts(many));

    const [expected, actual] = [await ledgerOf(one), await ledgerOf(many)];
    expect(actual.accounts).toEqual(expected.accounts);
    expect(actual.lines).toEqual(expected.lines);
    expect(actual.entries.map(({ request_hash: _, ...entry }) => entry)).toEqual(expected.entries.map(({ request_hash: _, ...entry }) => entry));
    expect(actual.entries.map((entry) => entry.request_hash)).toEqual(
      drafts(many)
        .sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey))
        .map((draft) => createHash("sha256").update(canonicalRequest(validateEntry(draft))).digest("hex")),
    );
  });

  it("refuses a line that would overdraw an account as ledger_post does, and writes nothing", async () => {
    const factory = await createOrganization();
    await collect(factory, 100n);
    const before = await ledgerOf(factory);
    const hold = (key: string): EntryDraft => ({
      organizationId: factory,
      idempotencyKey: key,
      type: "reserve",
      description: "Hold",
      lines: [
        { account: org(factory, "available"), amountMinor: -60n },
        { account: org(factory, "reserved"), amountMinor: 60n },
      ],
    });
    const error = await postMany(factory, [hold("h1"), hold("h2")]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "LG003" });
    expect(JSON.parse((error as { detail: string }).detail)).toMatchObject({ kind: "available", currency: "USD", balanceMinor: "40", amountMinor: "-60" });
    expect(await ledgerOf(factory)).toEqual(before);
  });

  it("refuses a taken idempotency key and writes nothing", async () => {
    const factory = await createOrganization();
    await postMany(factory, drafts(factory).slice(0, 1));
    const before = await ledgerOf(factory);
    await expect(postMany(factory, drafts(factory).slice(0, 2))).rejects.toMatchObject({ code: "23505" });
    expect(await ledgerOf(factory)).toEqual(before);
  });
});
