"use client";

import { useTranslations } from "next-intl";
import { createSavedReply, deleteSavedReply, updateSavedReply } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";

function ReplyFields({ title, body }: { title?: string; body?: string }) {
  const t = useTranslations("disputes.admin.replies");
  return (
    <>
      <FormField name="title" label={t("name")} required>
        <Input defaultValue={title} maxLength={120} autoComplete="off" />
      </FormField>
      <FormField name="body" label={t("body")} required>
        <Textarea defaultValue={body} rows={4} maxLength={5000} />
      </FormField>
    </>
  );
}

export function CreateSavedReplyForm() {
  const t = useTranslations("disputes.admin.replies");
  return (
    <ActionForm action={createSavedReply} successMessage={t("created")} resetOnSuccess data-testid="create-saved-reply">
      <ReplyFields />
      <div>
        <SubmitButton>{t("create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function EditSavedReplyForm({ reply }: { reply: { id: string; title: string; body: string } }) {
  const t = useTranslations("disputes.admin.replies");
  return (
    <div className="flex flex-col gap-3">
      <ActionForm action={updateSavedReply} hidden={{ id: reply.id }} successMessage={t("saved")} aria-label={t("edit", { title: reply.title })}>
        <ReplyFields title={reply.title} body={reply.body} />
        <div>
          <SubmitButton variant="secondary">{t("save")}</SubmitButton>
        </div>
      </ActionForm>
      <ActionForm action={deleteSavedReply} hidden={{ id: reply.id }} successMessage={t("removed")}>
        <div>
          <SubmitButton variant="ghost" size="sm" aria-label={t("removeNamed", { title: reply.title })}>
            {t("remove")}
          </SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}
