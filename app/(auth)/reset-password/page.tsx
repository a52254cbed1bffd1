import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/email-forms";
import { Alert } from "@/components/ui/alert";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.resetPassword");
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      {token ? <ResetPasswordForm token={token} /> : <Alert tone="error">{t("missing")}</Alert>}
    </>
  );
}
