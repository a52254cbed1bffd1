import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";

export default async function SignUpPage() {
  const t = await getTranslations("auth.signUp");
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <SignUpForm />
      <p className="text-sm">
        <Link href="/sign-in" className="text-teal-700 hover:underline">
          {t("haveAccount")}
        </Link>
      </p>
    </>
  );
}
