import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { UpcomingFeesBanner } from "@/components/fees/upcoming-fees-banner";
import { SignedInFrame } from "@/components/shell/signed-in-frame";
import { Alert } from "@/components/ui/alert";
import { localDateOf } from "@/lib/domain/time/local-day";
import { listViewerOrganizations, requireOrgMember } from "@/lib/server/auth/viewer";
import { upcomingFeeNotice } from "@/lib/server/fees/queries";
import { applicationOfOrganization } from "@/lib/server/kyb/queries";
import { organizationNav } from "@/lib/server/navigation";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { viewer, organization, membership } = await requireOrgMember(org);
  const [organizations, application, t, feeNotice] = await Promise.all([
    listViewerOrganizations(viewer.user.id),
    applicationOfOrganization(organization.id),
    getTranslations("kyb.banner"),
    upcomingFeeNotice(organization.id, localDateOf(new Date())),
  ]);
  return (
    <SignedInFrame nav={organizationNav(org, membership.role)} user={viewer.user} organizations={organizations} currentOrg={org}>
      {application?.status === "approved" ? null : (
        <Alert tone="warning" className="mb-6">
          {t("layoutLocked")}{" "}
          <Link href={`/o/${org}/onboarding`} className="font-medium underline">
            {t("layoutLink")}
          </Link>
        </Alert>
      )}
      {feeNotice ? <UpcomingFeesBanner org={org} notice={feeNotice} /> : null}
      {children}
    </SignedInFrame>
  );
}
