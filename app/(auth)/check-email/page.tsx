import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResendVerificationForm } from "@/components/auth/email-forms";

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email = "" } = await searchParams;
  const t = await getTranslations("auth.checkEmail");
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("body", { email })}</p>
      {email ? <ResendVerificationForm email={email} /> : null}
      <Link href="/sign-in" className="text-sm text-teal-700 hover:underline">
        {t("toSignIn")}
      </Link>
    </>
  );
}
