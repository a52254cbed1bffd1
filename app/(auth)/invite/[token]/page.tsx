import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { getViewer } from "@/lib/server/auth/viewer";
import { findLiveInvitation } from "@/lib/server/organizations/queries";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.invitation");
  const roles = await getTranslations("organization.roles");
  const [invitation, viewer] = await Promise.all([findLiveInvitation(token), getViewer()]);
  if (!invitation) {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
        <Alert tone="error">{t("invalid")}</Alert>
      </>
    );
  }
  const here = `/invite/${token}`;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="text-sm text-slate-700">
        {t("body", { inviter: invitation.inviter, organization: invitation.organization, role: roles(invitation.role) })}
      </p>
      {viewer ? (
        viewer.user.email.toLowerCase() === invitation.email.toLowerCase() ? (
          <AcceptInvitationForm token={token} />
        ) : (
          <Alert tone="warning">{t("otherAccount", { email: invitation.email, current: viewer.user.email })}</Alert>
        )
      ) : (
        <>
          <SignUpForm invitation={{ token, email: invitation.email }} />
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className="text-sm text-teal-700 hover:underline">
            {t("haveAccount")}
          </Link>
        </>
      )}
    </>
  );
}
