import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, memberships, organizations } from "@/db/schema";
import { anonymous, createUser, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { createOrganizationAction } from "./create";

const organizationCount = async () => (await db().select({ n: count() }).from(organizations))[0]!.n;

describe("creating another organization", () => {
  it("makes the signed-in user its owner under an unguessable slug, and audits it against the new organization", async () => {
    const user = await createUser();
    const result = await executeAction(createOrganizationAction, { name: "义乌晨光玩具厂 Yiwu Morning Toys" }, await signedIn(user));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.slug).toMatch(/^f[0-9a-f]{12}$/);
    const [organization] = await db().select().from(organizations).where(eq(organizations.slug, result.data.slug));
    const [membership] = await db().select().from(memberships).where(eq(memberships.organizationId, organization!.id));
    expect(membership).toMatchObject({ userId: user.id, role: "owner" });
    const audit = await db().select().from(auditLog).where(eq(auditLog.organizationId, organization!.id));
    expect(audit.map((row) => row.action)).toEqual(["organization.create"]);
  });

  it("refuses the signed-out and a name too short, writing nothing", async () => {
    const before = await organizationCount();
    expect(await executeAction(createOrganizationAction, { name: "Acme Ltd" }, anonymous)).toMatchObject({ ok: false, code: "unauthenticated" });
    const user = await createUser();
    expect(await executeAction(createOrganizationAction, { name: "A" }, await signedIn(user))).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(await organizationCount()).toBe(before);
  });
});
