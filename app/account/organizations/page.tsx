import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CreateOrganizationForm } from "@/components/organization/create-organization-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listViewerOrganizations, requireViewer } from "@/lib/server/auth/viewer";

export default async function OrganizationsPage() {
  const viewer = await requireViewer();
  const organizations = await listViewerOrganizations(viewer.user.id);
  const t = await getTranslations("organization");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("list.title")} description={t("list.description")} />
      <Card>
        {organizations.length === 0 ? (
          <EmptyState title={t("list.empty")} icon="building" />
        ) : (
          <ul className="divide-y divide-slate-200">
            {organizations.map((organization) => (
              <li key={organization.slug} className="flex items-center justify-between px-6 py-3">
                <Link href={`/o/${organization.slug}`} className="font-medium text-teal-800 hover:underline">
                  {organization.name}
                </Link>
                <Badge tone="brand">{t(`roles.${organization.role}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardHeader title={t("create.title")} />
        <CardBody>
          <CreateOrganizationForm />
        </CardBody>
      </Card>
    </div>
  );
}
