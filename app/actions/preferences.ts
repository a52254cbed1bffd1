"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/i18n/catalog";
import { runAction } from "@/lib/server/guard/run-action";
import { setLocaleAction } from "@/lib/server/preferences/set-locale";

export async function setLocale(input: unknown) {
  const result = await runAction(setLocaleAction, input);
  if (result.ok) {
    (await cookies()).set(LOCALE_COOKIE, result.data.locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: false,
      secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  return result;
}
