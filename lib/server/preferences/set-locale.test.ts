import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { anonymous, createUser, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { setLocaleAction } from "./set-locale";

async function localeOf(userId: string) {
  const [row] = await db().select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row!.locale;
}

describe("preferences.setLocale", () => {
  it("keeps a signed-in user's choice on the account and audits it", async () => {
    const user = await createUser();
    const request = await signedIn(user);
    const result = await executeAction(setLocaleAction, { locale: "zh-CN" }, request);
    expect(result).toEqual({ ok: true, data: { locale: "zh-CN" } });
    expect(await localeOf(user.id)).toBe("zh-CN");
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.actorUserId, user.id)).orderBy(desc(auditLog.at)).limit(1);
    expect(entry).toMatchObject({ action: "preferences.setLocale", target: `user:${user.id}`, summary: { locale: "zh-CN", previous: "en" } });
  });

  it("answers an anonymous visitor without touching any account", async () => {
    const result = await executeAction(setLocaleAction, { locale: "en" }, anonymous);
    expect(result).toEqual({ ok: true, data: { locale: "en" } });
  });

  it("refuses a language the product does not have, in the caller's language", async () => {
    const result = await executeAction(setLocaleAction, { locale: "fr" }, { ...anonymous, locale: "zh-CN" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid_input");
    expect(result.fieldErrors?.locale).toEqual(["请从可选项中选择。"]);
  });
});
