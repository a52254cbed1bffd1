import { redirect } from "next/navigation";
import { getViewer, listViewerOrganizations } from "@/lib/server/auth/viewer";

/** Sends each person where their work is: their organization, the staff area, or sign-in. */
export default async function Home() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (viewer.user.staffRole) redirect("/admin");
  const [first] = await listViewerOrganizations(viewer.user.id);
  redirect(first ? `/o/${first.slug}` : "/account/organizations");
}
