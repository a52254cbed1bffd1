import { getTranslations } from "next-intl/server";
import { VerifyEmailForm } from "@/components/auth/email-forms";
import { Alert } from "@/components/ui/alert";

/** Confirming takes a click, so that mail scanners that open links do not spend the token. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.verifyEmail");
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      {token ? (
        <>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <VerifyEmailForm token={token} />
        </>
      ) : (
        <Alert tone="error">{t("missing")}</Alert>
      )}
    </>
  );
}
