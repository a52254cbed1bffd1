import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/i18n/catalog";
import { authOptions } from "../auth/next-auth-options";
import { clientIp, userAgent } from "../auth/request-meta";
import type { RequestContext } from "./request-context";

export async function requestContextFromNext(): Promise<RequestContext> {
  const [headerList, cookieStore, session] = await Promise.all([headers(), cookies(), getServerSession(authOptions)]);
  const locale = cookieStore.get(LOCALE_COOKIE)?.value;
  return {
    sessionId: (session as { sid?: string } | null)?.sid ?? null,
    ip: clientIp(headerList),
    userAgent: userAgent(headerList),
    locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
  };
}
