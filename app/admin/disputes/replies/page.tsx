import { getFormatter, getTranslations } from "next-intl/server";
import { AdminDisputeSections } from "@/components/disputes/admin-sections";
import { STAFF_TIME_ZONE } from "@/components/disputes/format";
import { CreateSavedReplyForm, EditSavedReplyForm } from "@/components/disputes/saved-reply-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/server/auth/viewer";
import { DISPUTE_STAFF } from "@/lib/server/disputes/access";
import { listSavedReplies } from "@/lib/server/disputes/saved-replies";

export const dynamic = "force-dynamic";

export default async function SavedRepliesPage() {
  const { role } = await requireStaff(DISPUTE_STAFF);
  const [t, format, replies] = await Promise.all([getTranslations("disputes.admin.replies"), getFormatter(), listSavedReplies()]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <AdminDisputeSections current="replies" role={role} />
      <Card>
        <CardHeader title={t("add")} />
        <CardBody>
          <CreateSavedReplyForm />
        </CardBody>
      </Card>
      {replies.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      {replies.map((reply) => (
        <Card key={reply.id} data-testid="saved-reply">
          <CardHeader as="h2" title={reply.title} description={t("updated", { date: format.dateTime(reply.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone: STAFF_TIME_ZONE }) })} />
          <CardBody>
            <EditSavedReplyForm reply={reply} />
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
