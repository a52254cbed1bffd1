import { redirect } from "next/navigation";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { organizationNav } from "@/lib/server/navigation";

/** An organization opens on its first section. */
export default async function OrganizationHome({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { membership } = await requireOrgMember(org);
  redirect(organizationNav(org, membership.role)[0]!.href);
}
