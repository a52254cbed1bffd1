import type { ReactNode } from "react";
import { SignedInFrame } from "@/components/shell/signed-in-frame";
import { listViewerOrganizations, requireViewer } from "@/lib/server/auth/viewer";
import { accountNav, staffNav } from "@/lib/server/navigation";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const organizations = await listViewerOrganizations(viewer.user.id);
  const staff = viewer.user.staffRole ? staffNav(viewer.user.staffRole) : [];
  return (
    <SignedInFrame nav={[...accountNav, ...staff]} user={viewer.user} organizations={organizations}>
      {children}
    </SignedInFrame>
  );
}
