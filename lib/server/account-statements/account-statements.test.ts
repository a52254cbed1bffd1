import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, feeCharges, fxPricing, incomingPayments, journalEntries, journalLines, payouts } from "@/db/schema";
import type { FeeLine } from "@/lib/domain/fees";
import type { EntryLine, OrganizationAccountKind } from "@/lib/domain/ledger";
import { monthBounds, monthOf } from "@/lib/domain/account-statements";
import { createApprovedTeam } from "@/tests/fixtures/invoices";
import { anonymous, createTeam, signedIn } from "@/tests/fixtures/people";
import { feeRevenueLine, markFeeChargesReversed, recordFeeCharges } from "../fees/charges";
import { storeObservations } from "../fx/rates";
import { acceptQuoteAction, requestQuoteAction } from "../fx/quotes";
import { executeAction } from "../guard/execute-action";
import { postEntry, reverseEntry } from "../ledger";
import { downloadStatementCsvAction, downloadStatementPdfAction } from "./downloads";
import { statementLedgerQuery } from "./ledger";
import { type LoadedStatement, loadAccountStatement } from "./load";
import { statementPage } from "./page-query";

const SHANGHAI = "Asia/Shanghai";

/** Moves entries (their lines and fee charges with them) to `at`: the journal is append-only, so only a test may. */
async function backdate(entryIds: string[], at: Date) {
  await db().transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.update(journalEntries).set({ createdAt: at }).where(inArray(journalEntries.id, entryIds));
    await tx.update(journalLines).set({ createdAt: at }).where(inArray(journalLines.entryId, entryIds));
    await tx.update(feeCharges).set({ chargedAt: at }).where(inArray(feeCharges.entryId, entryIds));
  });
}

const orgLine = (organizationId: string, kind: OrganizationAccountKind, amountMinor: bigint, currency = "USD"): EntryLine => ({ account: { organizationId, kind, currency }, amountMinor });
const platformLine = (kind: "bank_clearing" | "card_clearing", amountMinor: bigint, currency = "USD"): EntryLine => ({ account: { organizationId: null, kind, currency }, amountMinor });
const fee = (type: FeeLine["type"], basisMinor: bigint | null, rate: string | null, amountMinor: bigint): FeeLine => ({ type, currency: "USD", basisMinor, rate, amountMinor });

/** Posts an entry with its fees as the lead's fee rules say: the fee_revenue line in the entry, the charges recorded after. */
async function post(organizationId: string, type: string, lines: EntryLine[], fees: FeeLine[] = [], cause: { type: string; id: string } = { type: "incoming_payment", id: randomUUID() }) {
  const { entryId } = await postEntry(db(), {
    organizationId,
    idempotencyKey: randomUUID(),
    type,
    description: `${type} ${cause.id.slice(0, 8)}`,
    cause,
    lines: [...lines, ...feeRevenueLine("USD", fees)],
  });
  await recordFeeCharges(db(), { organizationId, entryId, lines: fees });
  return entryId;
}

/** The ledger's balance of an account as of `at`, summed straight from its lines: what the statement must agree with. */
async function ledgerBalanceAt(organizationId: string, kind: OrganizationAccountKind, currency: string, at: Date): Promise<bigint> {
  const [row] = await db().execute<{ total: string }>(sql`
    select coalesce(sum(l.amount_minor), 0)::text as total from journal_lines l join ledger_accounts a on a.id = l.account_id
     where a.organization_id = ${organizationId} and a.kind = ${kind} and a.currency = ${currency} and l.created_at < ${at.toISOString()}::timestamptz`);
  return BigInt(row!.total);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

beforeAll(async () => {
  const asOf = new Date(Date.now() - 3_600_000);
  await storeObservations(db(), [
    { base: "EUR", quote: "USD", rate: "1.1580", asOf, source: "test" },
    { base: "EUR", quote: "CNY", rate: "8.2315", asOf, source: "test" },
  ]);
});

describe("monthly account statement", () => {
  let team: Awaited<ReturnType<typeof createApprovedTeam>>;
  let cnyBoughtMinor: bigint;
  let paymentId: string;
  const march = monthBounds("2026-03", SHANGHAI);

  beforeAll(async () => {
    team = await createApprovedTeam();
    const id = team.organization.id;
    await db().insert(fxPricing).values({ organizationId: id, tiers: [{ fromCnyMinor: "0", spreadBps: 50, feeBps: 20 }] });

    const february = await post(id, "collection", [platformLine("bank_clearing", -500_000n), orgLine(id, "available", 497_000n)], [fee("collection", 500_000n, "0.006", 3_000n)]);
    const [payment] = await db()
      .insert(incomingPayments)
      .values({ organizationId: id, source: "bank_transfer", accountIdentifier: `77${Date.now()}`, bankRef: "BR-2026-0305-7781", currency: "USD", amountMinor: 200_000n, unappliedMinor: 0n, bookingDate: "2026-03-05", valueDate: "2026-03-05" })
      .returning();
    paymentId = payment!.id;
    const receipt = await post(id, "collection_receipt", [platformLine("bank_clearing", -200_000n), orgLine(id, "unapplied", 200_000n)], [], { type: "incoming_payment", id: paymentId });
    const match = await post(
      id,
      "collection_match",
      [orgLine(id, "unapplied", -200_000n), orgLine(id, "available", 198_440n)],
      [fee("collection", 200_000n, "0.006", 1_200n), fee("risk_surcharge", 200_000n, "0.0018", 360n)],
      { type: "payment_allocation", id: randomUUID() },
    );
    const owner = await signedIn(team.owner, { secondFactorAgoMs: 0 });
    const quote = await executeAction(requestQuoteAction, { org: team.organization.slug, sellCurrency: "USD", buyCurrency: "CNY", side: "sell", amount: "1,000.00" }, owner);
    if (!quote.ok) throw new Error(JSON.stringify(quote));
    const accepted = await executeAction(acceptQuoteAction, { org: team.organization.slug, quoteId: quote.data.quoteId }, owner);
    if (!accepted.ok) throw new Error(JSON.stringify(accepted));
    const [conversion] = await db().execute<{ entry_id: string; buy_amount_minor: bigint; fee_minor: bigint }>(
      sql`select entry_id, buy_amount_minor, fee_minor from fx_conversions where quote_id = ${quote.data.quoteId}`,
    );
    expect(conversion!.fee_minor).toBe(200n);
    cnyBoughtMinor = BigInt(conversion!.buy_amount_minor);
    const card = await post(id, "card_receipt", [platformLine("card_clearing", -50_000n), orgLine(id, "pending", 50_000n)]);
    const cleared = await post(id, "card_clearing", [orgLine(id, "pending", -50_000n), orgLine(id, "available", 49_700n)], [fee("collection", 50_000n, "0.006", 300n)], { type: "card_payment", id: randomUUID() });
    const mistaken = await post(id, "collection", [platformLine("bank_clearing", -100_000n), orgLine(id, "available", 99_400n)], [fee("collection", 100_000n, "0.006", 600n)]);
    const { entryId: reversal } = await reverseEntry(db(), { organizationId: id, entryId: mistaken, idempotencyKey: randomUUID(), reason: "Returned to sender" });
    await markFeeChargesReversed(db(), mistaken);
    const payoutId = randomUUID();
    const payout = await post(
      id,
      "payout",
      [orgLine(id, "available", -50_000n), { account: { organizationId: null, kind: "payout_clearing", currency: "USD" }, amountMinor: 48_500n }],
      [fee("payout", null, null, 1_500n)],
      { type: "payout", id: payoutId },
    );
    await db().insert(payouts).values({
      id: payoutId,
      organizationId: id,
      currency: "USD",
      amountMinor: 50_000n,
      feeMinor: 1_500n,
      netMinor: 48_500n,
      cnyEquivalentMinor: 355_000n,
      speed: "standard",
      origin: "on_demand",
      status: "paid",
      approvalRequired: false,
      beneficiary: { bankName: "Bank of Ningbo", branchName: "Beilun", accountHolder: "Test Factory", accountNumber: "6222000011112222", cnaps: "313332082914", swiftBic: null, iban: null },
      bankReference: "SBX-PAY-20260325-01",
      entryId: payout,
      requestedAt: new Date("2026-03-25T02:00:00Z"),
    });
    const importFee = await post(id, "statement_import_fee", [orgLine(id, "available", -500n)], [fee("statement_import", null, null, 500n)], { type: "statement_import", id: randomUUID() });
    const firstOfApril = await post(id, "collection", [platformLine("bank_clearing", -30_000n), orgLine(id, "available", 30_000n)]);
    // Later activity: the month's closing must not count it.
    await post(id, "collection", [platformLine("bank_clearing", -70_000n), orgLine(id, "available", 69_580n)], [fee("collection", 70_000n, "0.006", 420n)]);

    await backdate([february], new Date("2026-02-20T04:00:00Z"));
    await backdate([receipt], new Date("2026-03-05T02:00:00Z"));
    await backdate([match], new Date("2026-03-06T02:00:00Z"));
    await backdate([conversion!.entry_id], new Date("2026-03-10T02:00:00Z"));
    await backdate([card], new Date("2026-03-12T02:00:00Z"));
    await backdate([cleared], new Date("2026-03-15T02:00:00Z"));
    await backdate([mistaken], new Date("2026-03-18T02:00:00Z"));
    await backdate([reversal], new Date("2026-03-19T02:00:00Z"));
    await backdate([payout], new Date("2026-03-25T02:00:00Z"));
    // 23:59:59 on 31 March and 00:00 on 1 April, China time.
    await backdate([importFee], new Date("2026-03-31T15:59:59Z"));
    await backdate([firstOfApril], new Date("2026-03-31T16:00:00Z"));
  });

  it("reconciles to the ledger to the cent: opening, every movement with its fees as lines of their own, closing", async () => {
    const { statement, references } = await loadAccountStatement(db(), team.organization, { month: "2026-03", currency: "USD" });
    expect(statement.reconciled).toBe(true);
    expect(statement.sections.map((section) => section.kind)).toEqual(["available", "pending", "unapplied"]);
    for (const section of statement.sections) {
      expect(section.openingMinor).toBe(await ledgerBalanceAt(team.organization.id, section.kind, "USD", march.start));
      expect(section.closingMinor).toBe(await ledgerBalanceAt(team.organization.id, section.kind, "USD", march.end));
    }
    const available = statement.sections[0]!;
    expect(available).toMatchObject({ openingMinor: 497_000n, closingMinor: 594_440n, netFeesMinor: 4_060n });
    expect(available.lines.map((line) => [line.fee ? `fee:${line.fee.type}${line.fee.refund ? ":refund" : ""}` : line.entryType, line.amountMinor])).toEqual([
      ["collection_match", 200_000n],
      ["fee:collection", -1_200n],
      ["fee:risk_surcharge", -360n],
      ["fx_conversion", -100_000n],
      ["fee:fx_conversion", -200n],
      ["card_clearing", 50_000n],
      ["fee:collection", -300n],
      ["collection", 100_000n],
      ["fee:collection", -600n],
      ["reversal", -100_000n],
      ["fee:collection:refund", 600n],
      ["payout", -48_500n],
      ["fee:payout", -1_500n],
      ["fee:statement_import", -500n],
    ]);
    expect(available.lines.at(-1)!.balanceMinor).toBe(594_440n);
    expect(statement.feeTotals).toEqual([
      { type: "collection", amountMinor: 1_500n, count: 3 },
      { type: "fx_conversion", amountMinor: 200n, count: 1 },
      { type: "payout", amountMinor: 1_500n, count: 1 },
      { type: "risk_surcharge", amountMinor: 360n, count: 1 },
      { type: "statement_import", amountMinor: 500n, count: 1 },
    ]);
    // The bank payment, the payout and the conversion are named and linked.
    expect(references.get(`incoming_payment:${paymentId}`)).toEqual({ label: "BR-2026-0305-7781", href: `/o/${team.organization.slug}/payments/${paymentId}` });
    expect([...references.values()]).toContainEqual({ label: "SBX-PAY-20260325-01", href: `/o/${team.organization.slug}/payouts` });
    expect([...references.values()]).toContainEqual({ label: expect.stringMatching(/^USD→CNY @ /), href: `/o/${team.organization.slug}/fx/conversions` });

    const cny = await loadAccountStatement(db(), team.organization, { month: "2026-03", currency: "CNY" });
    expect(cny.statement.sections).toMatchObject([{ kind: "available", openingMinor: 0n, creditsMinor: cnyBoughtMinor, closingMinor: cnyBoughtMinor, reconciled: true }]);
  });

  it("cuts months at midnight China time", async () => {
    const april = await loadAccountStatement(db(), team.organization, { month: "2026-04", currency: "USD" });
    const available = april.statement.sections.find((section) => section.kind === "available")!;
    expect(available.openingMinor).toBe(594_440n);
    expect(available.lines.map((line) => [line.entryType, line.amountMinor, line.postedAt.toISOString()])).toEqual([["collection", 30_000n, "2026-03-31T16:00:00.000Z"]]);
    expect(available.closingMinor).toBe(624_440n);
    expect(april.toDate).toBe(false);
  });

  it("downloads the CSV for any member, audited, with one row per line and the fee details", async () => {
    const result = await executeAction(downloadStatementCsvAction, { org: team.organization.slug, month: "2026-03", currency: "usd" }, await signedIn(team.viewer));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.name).toBe(`statement-${team.organization.slug}-USD-2026-03.csv`);
    const rows = Papa.parse<Record<string, string>>(result.data.csv, { header: true, skipEmptyLines: true }).data;
    const available = rows.filter((row) => row.account === "available");
    expect(available[0]).toMatchObject({ date: "2026-03-01", type: "opening_balance", balance: "4970.00" });
    expect(available.at(-1)).toMatchObject({ date: "2026-03-31", type: "closing_balance", balance: "5944.40" });
    expect(available).toContainEqual(expect.objectContaining({ type: "fee", fee_type: "risk_surcharge", fee_basis: "2000.00", fee_rate_percent: "0.18", debit: "3.60", balance: "6954.40" }));
    expect(available).toContainEqual(expect.objectContaining({ type: "fee", fee_type: "statement_import", debit: "5.00", date: "2026-03-31", time: "23:59:59" }));
    expect(rows.some((row) => row.date === "2026-04-01")).toBe(false);
    expect(rows.filter((row) => row.account === "unapplied").map((row) => row.balance)).toEqual(["0.00", "2000.00", "0.00", "0.00"]);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.organizationId, team.organization.id), eq(auditLog.action, "accountStatements.downloadCsv")));
    expect(audits[0]?.summary).toEqual({ month: "2026-03", currency: "USD", format: "csv" });
  });

  it("downloads the PDF with bilingual labels", async () => {
    const result = await executeAction(downloadStatementPdfAction, { org: team.organization.slug, month: "2026-03", currency: "USD" }, await signedIn(team.finance));
    expect(result).toMatchObject({ ok: true, data: { contentType: "application/pdf", name: `statement-${team.organization.slug}-USD-2026-03.pdf` } });
    const text = await pdfText(result.ok ? result.data.bytes : new Uint8Array());
    expect(text).toContain("Account statement");
    expect(text).toContain("账户对账单");
    expect(text).toContain("期末余额");
    expect(text).toContain("5,944.40");
    expect(text).toContain("Risk surcharge 风险附加费 · 0.18% × 2,000.00");
  });

  it("answers another organization's member not found, and refuses the signed-out, months not begun and currencies not held", async () => {
    const other = await createTeam();
    const org = team.organization.slug;
    const outsider = await signedIn(other.owner);
    expect(await executeAction(downloadStatementCsvAction, { org, month: "2026-03", currency: "USD" }, outsider)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(downloadStatementPdfAction, { org, month: "2026-03", currency: "USD" }, outsider)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(downloadStatementCsvAction, { org, month: "2026-03", currency: "USD" }, anonymous)).toMatchObject({ ok: false, code: "unauthenticated" });
    const viewer = await signedIn(team.viewer);
    expect(await executeAction(downloadStatementCsvAction, { org, month: "2099-01", currency: "USD" }, viewer)).toMatchObject({ ok: false, code: "statement_month_invalid" });
    expect(await executeAction(downloadStatementCsvAction, { org, month: "2026-13", currency: "USD" }, viewer)).toMatchObject({ ok: false, code: "statement_month_invalid" });
    expect(await executeAction(downloadStatementCsvAction, { org, month: "2026-03", currency: "JPY" }, viewer)).toMatchObject({ ok: false, code: "statement_currency_not_held" });
    expect(await executeAction(downloadStatementCsvAction, { org, month: "2026-03", currency: "XYZ" }, viewer)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await executeAction(downloadStatementCsvAction, { org, month: "March", currency: "USD" }, viewer)).toMatchObject({ ok: false, code: "invalid_input" });
  });

  it("shows the last full month by default, in CNY when the organization holds it", async () => {
    const page = await statementPage(team.organization, { month: "", currency: "" }, new Date("2026-11-27T19:00:00Z"));
    expect(page).toMatchObject({ month: "2026-10", currency: "CNY", currencies: ["CNY", "USD"], problem: null });
    expect(page.months[0]).toBe("2026-11");
    expect(page.loaded?.statement.sections[0]).toMatchObject({ kind: "available", openingMinor: cnyBoughtMinor, lines: [], closingMinor: cnyBoughtMinor });
    expect((await statementPage(team.organization, { month: "2026-03", currency: "JPY" })).problem).toBe("statement_currency_not_held");
  });
});

describe("statement while money moves", () => {
  it("reconciles every statement of the running month taken between concurrent postings", async () => {
    const team = await createTeam();
    const id = team.organization.id;
    await post(id, "collection", [platformLine("bank_clearing", -100_000n), orgLine(id, "available", 100_000n)]);
    const month = monthOf(new Date(), SHANGHAI);
    const work = await Promise.all([
      ...Array.from({ length: 8 }, () => post(id, "collection", [platformLine("bank_clearing", -1_000n), orgLine(id, "available", 994n)], [fee("collection", 1_000n, "0.006", 6n)])),
      ...Array.from({ length: 6 }, () => loadAccountStatement(db(), team.organization, { month, currency: "USD" })),
    ]);
    for (const loaded of work.filter((item): item is LoadedStatement => typeof item !== "string")) {
      const [available] = loaded.statement.sections;
      expect(available!.reconciled).toBe(true);
      expect(available!.closingMinor).toBe(100_000n + BigInt((available!.lines.length - 1) / 2) * 994n);
      expect(loaded.toDate).toBe(true);
    }
    const final = await loadAccountStatement(db(), team.organization, { month, currency: "USD" });
    expect(final.statement.sections[0]!.closingMinor).toBe(107_952n);
  });
});

describe("statement query plan", () => {
  it("reads one organization's lines through its entries by time, never scanning the journal", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const id = team.organization.id;
    await post(id, "collection", [platformLine("bank_clearing", -1_000n), orgLine(id, "available", 1_000n)]);
    await post(other.organization.id, "collection", [platformLine("bank_clearing", -1_000n), orgLine(other.organization.id, "available", 1_000n)]);
    const [otherAccount] = await db().execute<{ id: string }>(sql`select id from ledger_accounts where organization_id = ${other.organization.id}`);
    const plan = await db()
      .transaction(async (tx) => {
        // 40,000 entries of another organization and 20,000 other organizations' accounts, bulk-loaded with triggers
        // (and so foreign keys) off, rolled back after the plan is read.
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`insert into ledger_accounts (organization_id, kind, currency, allow_negative)
          select gen_random_uuid(), 'available', 'USD', false from generate_series(1, 20000)`);
        await tx.execute(sql`insert into journal_entries (id, organization_id, idempotency_key, request_hash, type, description, created_at)
          select md5('plan' || g::text)::uuid, ${other.organization.id}, 'bulk-' || g, 'x', 'collection', 'bulk', now() - (g || ' minutes')::interval
          from generate_series(1, 40000) g`);
        await tx.execute(sql`insert into journal_lines (entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor, created_at)
          select md5('plan' || g::text)::uuid, ${otherAccount!.id}::uuid, ${other.organization.id}, 'USD', 1, g, now() - (g || ' minutes')::interval
          from generate_series(1, 40000) g`);
        await tx.execute(sql`analyze journal_lines`);
        await tx.execute(sql`analyze journal_entries`);
        await tx.execute(sql`analyze ledger_accounts`);
        const { start, end } = monthBounds("2026-03", SHANGHAI);
        const rows = await tx.execute<{ "QUERY PLAN": string }>(sql`explain ${statementLedgerQuery({ organizationId: id, currency: "USD", start, end })}`);
        throw Object.assign(new Error("rollback"), { plan: rows.map((row) => row["QUERY PLAN"]).join("\n") });
      })
      .catch((error: Error & { plan?: string }) => {
        if (error.plan === undefined) throw error;
        return error.plan;
      });
    expect(plan).toMatch(/journal_entries_org_created_idx/);
    expect(plan).toMatch(/journal_lines_entry_idx/);
    expect(plan).toMatch(/ledger_accounts_owner_key/);
    expect(plan).not.toMatch(/Seq Scan on journal_(lines|entries)/);
  });
});
