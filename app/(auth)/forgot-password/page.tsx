import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/email-forms";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgotPassword");
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ForgotPasswordForm />
      <Link href="/sign-in" className="text-sm text-teal-700 hover:underline">
        {t("toSignIn")}
      </Link>
    </>
  );
}
