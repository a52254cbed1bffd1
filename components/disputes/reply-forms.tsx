"use client";

import { useTranslations } from "next-intl";
import { postBuyerMessage, postFactoryMessage } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";

function MessageFields() {
  const t = useTranslations("disputes.thread");
  return (
    <>
      <FormField name="body" label={t("replyLabel")} required>
        <Textarea rows={4} maxLength={5000} />
      </FormField>
      <div>
        <SubmitButton pendingText={t("sending")}>{t("send")}</SubmitButton>
      </div>
    </>
  );
}

/** An owner or finance member answers in the case's thread. */
export function FactoryReplyForm({ org, disputeId }: { org: string; disputeId: string }) {
  const t = useTranslations("disputes.thread");
  return (
    <ActionForm action={postFactoryMessage} hidden={{ org, disputeId }} successMessage={t("sent")} resetOnSuccess data-testid="dispute-reply">
      <MessageFields />
    </ActionForm>
  );
}

/** The buyer answers through its link. */
export function BuyerReplyForm({ token }: { token: string }) {
  const t = useTranslations("disputes.thread");
  return (
    <ActionForm action={postBuyerMessage} hidden={{ token }} successMessage={t("sent")} resetOnSuccess data-testid="dispute-reply">
      <MessageFields />
    </ActionForm>
  );
}
