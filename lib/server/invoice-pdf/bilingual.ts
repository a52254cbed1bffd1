import { eq } from "drizzle-orm";
import type { BilingualText } from "@/components/invoice-pdf/invoice-pdf-data";
import type { Executor } from "@/db/client";
import { kybApplications, organizations } from "@/db/schema";
import { translator } from "../i18n/translator";

/** The `keys` of a catalog namespace in English and Chinese, for bilingual PDFs; keys missing in either are left out. */
export async function bilingualTexts(namespace: string, keys: readonly string[]): Promise<Record<string, BilingualText>> {
  const [en, zh] = await Promise.all([translator("en", namespace), translator("zh-CN", namespace)]);
  return Object.fromEntries(keys.filter((key) => en.has(key) && zh.has(key)).map((key) => [key, { en: en(key), zh: zh(key) }]));
}

/** An account holder's names for a statement: the legal names of its KYB application, else the organization's name. */
export async function statementHolder(executor: Executor, organizationId: string): Promise<{ nameEn: string; nameZh: string | null }> {
  const [row] = await executor
    .select({ name: organizations.name, nameEn: kybApplications.legalNameEn, nameZh: kybApplications.legalNameZh })
    .from(organizations)
    .leftJoin(kybApplications, eq(kybApplications.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  return { nameEn: row?.nameEn || row?.name || "", nameZh: row?.nameZh || null };
}
