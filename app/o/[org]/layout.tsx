import type { ReactNode } from "react";
import { SignedInFrame } from "@/components/shell/signed-in-frame";
import { listViewerOrganizations, requireOrgMember } from "@/lib/server/auth/viewer";
import { organizationNav } from "@/lib/server/navigation";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { viewer, membership } = await requireOrgMember(org);
  const organizations = await listViewerOrganizations(viewer.user.id);
  return (
    <SignedInFrame nav={organizationNav(org, membership.role)} user={viewer.user} organizations={organizations} currentOrg={org}>
      {children}
    </SignedInFrame>
  );
}
