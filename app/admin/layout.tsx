import type { ReactNode } from "react";
import { SignedInFrame } from "@/components/shell/signed-in-frame";
import { listViewerOrganizations, requireStaff } from "@/lib/server/auth/viewer";
import { accountNav, staffNav } from "@/lib/server/navigation";

/** Platform staff only; anyone else gets the same 404 as a page that does not exist. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { viewer, role } = await requireStaff();
  const organizations = await listViewerOrganizations(viewer.user.id);
  return (
    <SignedInFrame nav={[...staffNav(role), accountNav[0]!]} user={viewer.user} organizations={organizations}>
      {children}
    </SignedInFrame>
  );
}
