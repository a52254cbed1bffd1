import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { parseSearch } from "@/lib/domain/lists/search-params";
import { anonymous, createTeam, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { collect } from "@/tests/fixtures/ledger";
import { exportHistoryAction } from "./export";
import { historySearchSchema, toLineFilter } from "./history-filter";
import { organizationBalances, organizationEntry, organizationHistory, organizationHistoryCsv } from "./queries";

async function csvOf(chunks: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe("balances and history", () => {
  it("shows an organization its own balances, history and entries, and nothing of another's", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const mine = await collect(team.organization.id, 100_000n, 600n);
    const theirs = await collect(other.organization.id, 55_000n, 330n, "EUR");

    expect(await organizationBalances(team.organization.id)).toEqual([
      { currency: "USD", availableMinor: 99_400n, pendingMinor: 0n, reservedMinor: 0n, unappliedMinor: 0n, buyerCreditMinor: 0n },
    ]);
    const { lines } = await organizationHistory(team.organization.id, {}, undefined);
    expect(lines.map((line) => line.entryId)).toEqual([mine.entryId]);
    expect(lines[0]).toMatchObject({ accountKind: "available", amountMinor: 99_400n, balanceAfterMinor: 99_400n });

    const entry = await organizationEntry(team.organization.id, mine.entryId);
    expect(entry?.lines.map((line) => line.amountMinor).sort()).toEqual([-100_000n, 600n, 99_400n].sort());
    // The platform's running balances are not the factory's to see.
    expect(entry?.lines.filter((line) => line.ownAccount === null).every((line) => line.balanceAfterMinor === null)).toBe(true);
    expect(await organizationEntry(team.organization.id, theirs.entryId)).toBeNull();
  });

  it("filters by currency, account and signed amount, parsed exactly in the currency", async () => {
    const team = await createTeam();
    await collect(team.organization.id, 100_000n, 0n, "USD");
    await collect(team.organization.id, 250_000n, 0n, "USD");
    await collect(team.organization.id, 7_000n, 0n, "JPY");
    const search = parseSearch(historySearchSchema, { currency: "usd", account: "available", min: "1,500.00" });
    const { filter, problem } = toLineFilter(search);
    expect(problem).toBeNull();
    const { lines } = await organizationHistory(team.organization.id, filter, undefined);
    expect(lines.map((line) => line.amountMinor)).toEqual([250_000n]);
    expect(toLineFilter(parseSearch(historySearchSchema, { min: "10" })).problem).toBe("amount_needs_currency");
    expect(toLineFilter(parseSearch(historySearchSchema, { currency: "JPY", min: "10.5" })).problem).toBe("amount_invalid");
    expect(toLineFilter(parseSearch(historySearchSchema, { account: "reserved" })).problem).toBe("account_needs_currency");
  });

  it("exports CSV for any member, audited; refuses another organization, the signed-out and bad input", async () => {
    const team = await createTeam();
    const other = await createTeam();
    await collect(team.organization.id, 123_456n, 0n, "USD");
    const org = team.organization.slug;

    const ok = await executeAction(exportHistoryAction, { org, currency: "USD" }, await signedIn(team.viewer));
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const csv = await csvOf(organizationHistoryCsv(ok.data.organizationId, ok.data.filter));
    expect(csv.split("\r\n")[0]).toContain("line_id");
    expect(csv).toContain("1234.56");
    const audits = await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id));
    expect(audits.map((row) => row.action)).toContain("balances.exportHistory");

    expect(await executeAction(exportHistoryAction, { org }, await signedIn(other.owner))).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(exportHistoryAction, { org }, anonymous)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await executeAction(exportHistoryAction, { org, currency: "XYZ" }, await signedIn(team.owner))).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await executeAction(exportHistoryAction, { org, min: "5" }, await signedIn(team.owner))).toMatchObject({
      ok: false,
      code: "history_amount_needs_currency",
    });
  });
});
