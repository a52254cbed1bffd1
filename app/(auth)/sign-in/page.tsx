import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { safeCallbackPath } from "@/lib/server/auth/callback-path";
import { getViewer } from "@/lib/server/auth/viewer";


export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const t = await getTranslations("auth.signIn");
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      {params.verified ? <Alert tone="success">{t("verified")}</Alert> : null}
      {params.joined ? <Alert tone="success">{t("joined")}</Alert> : null}
      {params.reset ? <Alert tone="success">{t("reset")}</Alert> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <div className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-teal-700 hover:underline">
          {t("forgot")}
        </Link>
        <Link href="/sign-up" className="text-teal-700 hover:underline">
          {t("noAccount")}
        </Link>
      </div>
    </>
  );
}
