"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { postAgentMessage } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export interface SavedReplyOption {
  id: string;
  title: string;
  body: string;
}

/**
 * An agent's message to the case, optionally handing the next move to the factory or the buyer. A saved reply is
 * inserted at the cursor (or appended), to be edited before sending.
 */
export function AgentReplyForm({ disputeId, savedReplies }: { disputeId: string; savedReplies: readonly SavedReplyOption[] }) {
  const t = useTranslations("disputes");
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [chosen, setChosen] = useState(savedReplies[0]?.id ?? "");
  const pickerId = useId();

  function insert() {
    const reply = savedReplies.find((candidate) => candidate.id === chosen);
    const area = bodyRef.current;
    if (!reply || !area) return;
    const start = area.selectionStart ?? area.value.length;
    const end = area.selectionEnd ?? area.value.length;
    area.value = `${area.value.slice(0, start)}${reply.body}${area.value.slice(end)}`;
    area.focus();
    const caret = start + reply.body.length;
    area.setSelectionRange(caret, caret);
  }

  return (
    <div className="flex flex-col gap-4">
      {savedReplies.length > 0 ? (
        <div className="flex flex-wrap items-end gap-2" data-testid="saved-reply-picker">
          <div className="flex min-w-56 flex-1 flex-col gap-1.5">
            <label htmlFor={pickerId} className="text-sm font-medium text-slate-800">
              {t("admin.replies.insert")}
            </label>
            <Select id={pickerId} value={chosen} onChange={(event) => setChosen(event.target.value)} options={savedReplies.map((reply) => ({ value: reply.id, label: reply.title }))} />
          </div>
          <Button variant="secondary" onClick={insert}>
            {t("admin.replies.insertButton")}
          </Button>
        </div>
      ) : null}
      <ActionForm
        action={postAgentMessage}
        hidden={{ disputeId }}
        successMessage={t("thread.sent")}
        resetOnSuccess
        data-testid="dispute-reply"
      >
        <FormField name="body" label={t("thread.replyLabel")} required>
          <Textarea ref={bodyRef} rows={5} maxLength={5000} />
        </FormField>
        <FormField name="waitFor" label={t("thread.waitFor")}>
          <Select
            options={[
              { value: "", label: t("thread.waitForNobody") },
              { value: "factory", label: t("thread.waitForFactory") },
              { value: "buyer", label: t("thread.waitForBuyer") },
            ]}
            defaultValue=""
          />
        </FormField>
        <div>
          <SubmitButton pendingText={t("thread.sending")}>{t("thread.send")}</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}
