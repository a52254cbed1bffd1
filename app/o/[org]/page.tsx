import { redirect } from "next/navigation";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { applicationOfOrganization } from "@/lib/server/kyb/queries";
import { organizationNav } from "@/lib/server/navigation";

/** An organization opens on verification until it is approved, then on its first section. */
export default async function OrganizationHome({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const application = await applicationOfOrganization(organization.id);
  if (application?.status !== "approved") redirect(`/o/${org}/onboarding`);
  redirect(organizationNav(org, membership.role)[0]!.href);
}
