import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { addMember, createOrganization, createTeam, createUser, signedIn, type TestUser } from "@/tests/fixtures/people";
import { csvChunks } from "../exports/csv";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { exportOrganizationAuditAction, exportPlatformAuditAction } from "./export";
import { auditFilterSchema, queryAuditLog } from "./queries";

const CSV_HEADER = "id,at,organization,actor,action,target,summary,ip";

/** Runs an export action and reads its rows as the route would stream them in CSV. */
async function exportCsv(definition: typeof exportOrganizationAuditAction | typeof exportPlatformAuditAction, input: Record<string, string>, request: RequestContext) {
  const result = await executeAction(definition as typeof exportOrganizationAuditAction, input, request);
  if (!result.ok) return result;
  let csv = "";
  for await (const chunk of csvChunks(result.data.spec.columns, result.data.spec.pages)) csv += chunk;
  return { ...result, data: csv };
}

/** An action prefix no other test writes, so a test sees only its own rows even in platform-wide queries. */
function uniquePrefix(): string {
  return `t${randomUUID().replace(/-/g, "").slice(0, 12)}.`;
}

async function record(values: {
  at: string;
  organizationId: string | null;
  actor: TestUser | null;
  action: string;
  target?: string;
  summary?: Record<string, unknown>;
}) {
  const [row] = await db()
    .insert(auditLog)
    .values({
      at: new Date(values.at),
      organizationId: values.organizationId,
      actorUserId: values.actor?.id ?? null,
      action: values.action,
      target: values.target ?? null,
      summary: values.summary ?? {},
      ip: "203.0.113.7",
    })
    .returning();
  return row!;
}

function filter(values: Record<string, string> = {}) {
  return auditFilterSchema.parse(values);
}

function parseCsv(csv: string) {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** One organization with a week of varied history, and a second organization with its own. */
async function history() {
  const team = await createTeam();
  const other = await createTeam();
  const p = uniquePrefix();
  const rows = {
    invite: await record({ at: "2024-03-01T10:00:00+08:00", organizationId: team.organization.id, actor: team.owner, action: `${p}member.invite`, target: "invitation:1", summary: { email: "a@example.test" } }),
    payout: await record({ at: "2024-03-02T23:30:00+08:00", organizationId: team.organization.id, actor: team.finance, action: `${p}payout.create`, target: "payout:1", summary: { amount: "100.00", note: 'said "hi", then left' } }),
    // 00:30 in Shanghai is still the 2nd in UTC: days are counted in China time.
    lateNight: await record({ at: "2024-03-03T00:30:00+08:00", organizationId: team.organization.id, actor: team.finance, action: `${p}payout.approve`, target: "payout:1" }),
    system: await record({ at: "2024-03-04T09:00:00+08:00", organizationId: team.organization.id, actor: null, action: `${p}member.expire`, target: "invitation:1" }),
    elsewhere: await record({ at: "2024-03-02T12:00:00+08:00", organizationId: other.organization.id, actor: other.owner, action: `${p}payout.create`, target: "payout:2" }),
  };
  return { team, other, prefix: p, rows };
}

describe("audit log", () => {
  it("filters by actor, action prefix and China-time dates, newest first", async () => {
    const { team, prefix, rows } = await history();
    const orgId = team.organization.id;
    const ids = async (values: Record<string, string>) =>
      (await queryAuditLog(db(), orgId, filter({ action: prefix, ...values }))).rows.map((row) => row.id);

    expect(await ids({})).toEqual([rows.system.id, rows.lateNight.id, rows.payout.id, rows.invite.id]);
    // Actor: any part of the email, in any case.
    expect(await ids({ actor: team.finance.email.slice(5, 20).toUpperCase() })).toEqual([rows.lateNight.id, rows.payout.id]);
    expect(await ids({ actor: "nobody-at-all" })).toEqual([]);
    // Action: a prefix, not a substring, and LIKE wildcards are literal.
    expect(await ids({ action: `${prefix}payout.` })).toEqual([rows.lateNight.id, rows.payout.id]);
    expect(await ids({ action: `${prefix}payout.approve` })).toEqual([rows.lateNight.id]);
    expect((await queryAuditLog(db(), orgId, filter({ action: "payout." }))).rows).toEqual([]);
    expect((await queryAuditLog(db(), orgId, filter({ action: "%" }))).rows).toEqual([]);
    expect((await queryAuditLog(db(), orgId, filter({ actor: "_" }))).rows).toEqual([]);
    // Dates: whole days in Asia/Shanghai, both ends included.
    expect(await ids({ from: "2024-03-02", to: "2024-03-02" })).toEqual([rows.payout.id]);
    expect(await ids({ from: "2024-03-03" })).toEqual([rows.system.id, rows.lateNight.id]);
    expect(await ids({ to: "2024-03-01" })).toEqual([rows.invite.id]);
    expect(await ids({ from: "2024-03-02", to: "2024-03-03", actor: team.finance.email })).toEqual([rows.lateNight.id, rows.payout.id]);

    const [first] = (await queryAuditLog(db(), orgId, filter({ action: `${prefix}payout.create` }))).rows;
    expect(first).toMatchObject({
      action: `${prefix}payout.create`,
      actorEmail: team.finance.email,
      organization: team.organization.name,
      target: "payout:1",
      ip: "203.0.113.7",
      summary: { amount: "100.00" },
    });
    const [system] = (await queryAuditLog(db(), orgId, filter({ action: `${prefix}member.expire` }))).rows;
    expect(system!.actorEmail).toBeNull();

    // Without an organization (platform admins), every organization's rows.
    const all = await queryAuditLog(db(), null, filter({ action: prefix }));
    expect(all.rows.map((row) => row.id)).toContain(rows.elsewhere.id);
    expect(all.rows).toHaveLength(5);
    expect(() => filter({ from: "2024-13-45" })).toThrow();
    expect(() => filter({ before: "12; drop table audit_log" })).toThrow();
  });

  it("shows a factory that Quayside staff acted, but not who or from where; the platform log shows both", async () => {
    const organization = await createOrganization();
    const reviewer = await createUser({ staffRole: "kyc_reviewer" });
    await db().insert(auditLog).values({ actorUserId: reviewer.id, organizationId: organization.id, action: "kyb.approve", ip: "10.1.2.3" });
    const filter = auditFilterSchema.parse({});
    const { rows } = await queryAuditLog(db(), organization.id, filter);
    expect(rows[0]).toMatchObject({ action: "kyb.approve", actorEmail: null, actorIsStaff: true, ip: null });
    const byEmail = await queryAuditLog(db(), organization.id, auditFilterSchema.parse({ actor: reviewer.email }));
    expect(byEmail.rows).toHaveLength(0);
    const platform = await queryAuditLog(db(), null, auditFilterSchema.parse({ actor: reviewer.email }));
    expect(platform.rows[0]).toMatchObject({ actorEmail: reviewer.email, ip: "10.1.2.3" });
  });

  it("pages newest first with `before`", async () => {
    const { team, prefix, rows } = await history();
    const orgId = team.organization.id;
    const page1 = await queryAuditLog(db(), orgId, filter({ action: prefix }), 3);
    expect(page1.rows.map((row) => row.id)).toEqual([rows.system.id, rows.lateNight.id, rows.payout.id]);
    expect(page1.nextBefore).toBe(rows.payout.id.toString());
    const page2 = await queryAuditLog(db(), orgId, filter({ action: prefix, before: page1.nextBefore! }), 3);
    expect(page2).toMatchObject({ rows: [expect.objectContaining({ id: rows.invite.id })], nextBefore: null });

    // Filters hold across pages.
    const payouts1 = await queryAuditLog(db(), orgId, filter({ action: `${prefix}payout.` }), 1);
    expect(payouts1.rows.map((row) => row.id)).toEqual([rows.lateNight.id]);
    const payouts2 = await queryAuditLog(db(), orgId, filter({ action: `${prefix}payout.`, before: payouts1.nextBefore! }), 1);
    expect(payouts2.rows.map((row) => row.id)).toEqual([rows.payout.id]);
    expect(payouts2.nextBefore).toBeNull();

    const exact = await queryAuditLog(db(), orgId, filter({ action: prefix }), 4);
    expect(exact.rows).toHaveLength(4);
    expect(exact.nextBefore).toBeNull();
  });

  it("exports an organization's own rows to its owners only", async () => {
    const { team, other, prefix, rows } = await history();
    const input = { org: team.organization.slug, action: prefix };
    const owner = await signedIn(team.owner);

    const result = await exportCsv(exportOrganizationAuditAction, input, owner);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const csv = result.data;
    expect(csv.split(/\r?\n/)[0]).toBe(CSV_HEADER);
    const data = parseCsv(csv);
    expect(data.map((row) => row.id)).toEqual([rows.system.id, rows.lateNight.id, rows.payout.id, rows.invite.id].map(String));
    expect(data.map((row) => row.organization)).toEqual(Array(4).fill(team.organization.name));
    expect(csv).not.toContain(other.owner.email);
    expect(csv).not.toContain("payout:2");

    const payout = data.find((row) => row.id === rows.payout.id.toString())!;
    expect(JSON.parse(payout.summary!)).toEqual({ amount: "100.00", note: 'said "hi", then left' });
    expect({ ...payout, summary: undefined }).toEqual({
      id: rows.payout.id.toString(),
      at: "2024-03-02T15:30:00.000Z",
      organization: team.organization.name,
      actor: team.finance.email,
      action: `${prefix}payout.create`,
      target: "payout:1",
      summary: undefined,
      ip: "203.0.113.7",
    });
    expect(data.find((row) => row.id === rows.system.id.toString())!.actor).toBe("");

    // The export itself is audited, with the filter but no rows' content.
    const [audited] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "audit.exportOrganization"), eq(auditLog.actorUserId, team.owner.id)));
    expect(audited).toMatchObject({ organizationId: team.organization.id, summary: { format: "csv", filter: { action: prefix } } });

    // Another organization asking for everything gets none of these rows.
    const theirs = await exportCsv(exportOrganizationAuditAction, { org: other.organization.slug }, await signedIn(other.owner));
    expect(theirs.ok && theirs.data).toContain("payout:2");
    expect(theirs.ok && theirs.data).not.toContain(team.finance.email);

    expect(await exportCsv(exportOrganizationAuditAction, input, await signedIn(team.finance))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await exportCsv(exportOrganizationAuditAction, input, await signedIn(team.viewer))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await exportCsv(exportOrganizationAuditAction, input, await signedIn(other.owner))).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("exports the whole platform's log to platform admins only", async () => {
    const { team, other, prefix, rows } = await history();
    expect(team.organization.id).not.toBe(other.organization.id);
    const admin = await createUser({ staffRole: "platform_admin", totp: true });

    const result = await exportCsv(exportPlatformAuditAction, { action: prefix }, await signedIn(admin));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.split(/\r?\n/)[0]).toBe(CSV_HEADER);
    const data = parseCsv(result.data);
    expect(data).toHaveLength(5);
    expect(data.filter((row) => row.actor === other.owner.email)).toHaveLength(1);
    expect(data.filter((row) => row.actor === team.finance.email)).toHaveLength(2);
    expect(data.find((row) => row.id === rows.elsewhere.id.toString())).toMatchObject({
      actor: other.owner.email,
      target: "payout:2",
      at: "2024-03-02T04:00:00.000Z",
    });
    const [audited] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "audit.exportPlatform"), eq(auditLog.actorUserId, admin.id)));
    expect(audited).toMatchObject({ organizationId: null, summary: { format: "csv" } });

    const kyc = await createUser({ staffRole: "kyc_reviewer" });
    const agent = await createUser({ staffRole: "dispute_agent" });
    for (const user of [kyc, agent, team.owner]) {
      expect(await exportCsv(exportPlatformAuditAction, { action: prefix }, await signedIn(user))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
  });

  it("writes the header even when nothing matches, and defuses cells a spreadsheet would run as formulas", async () => {
    const organization = await createOrganization('=HYPERLINK("http://evil.example","click")');
    const owner = await createUser();
    await addMember(organization.id, owner.id, "owner");
    const request = await signedIn(owner);

    const empty = await exportCsv(exportOrganizationAuditAction, { org: organization.slug, action: uniquePrefix() }, request);
    expect(empty).toMatchObject({ ok: true });
    expect(empty.ok && empty.data.split(/\r?\n/)[0]).toBe(CSV_HEADER);

    const prefix = uniquePrefix();
    await record({ at: "2024-05-01T12:00:00+08:00", organizationId: organization.id, actor: owner, action: `${prefix}x`, target: "@SUM(A1:A9)" });
    const result = await exportCsv(exportOrganizationAuditAction, { org: organization.slug, action: prefix }, request);
    if (!result.ok) throw new Error(result.code);
    const [row] = parseCsv(result.data);
    expect(row!.organization).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row!.target).toBe("'@SUM(A1:A9)");
  });
});
