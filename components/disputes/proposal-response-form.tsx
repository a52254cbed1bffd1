"use client";

import { useTranslations } from "next-intl";
import { respondToProposalAsBuyer, respondToProposalAsFactory } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Accept or reject the agent's proposal: the factory (org, disputeId) or the buyer (token). */
export function ProposalResponseForm({ side }: { side: { kind: "factory"; org: string; disputeId: string } | { kind: "buyer"; token: string } }) {
  const t = useTranslations("disputes.proposal");
  const action = side.kind === "factory" ? respondToProposalAsFactory : respondToProposalAsBuyer;
  const hidden = side.kind === "factory" ? { org: side.org, disputeId: side.disputeId } : { token: side.token };
  return (
    <ActionForm action={action} hidden={hidden} successMessage={t("responded")} data-testid="proposal-response">
      <FormField name="note" label={t("responseNote")} optional>
        <Input maxLength={1000} autoComplete="off" />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="response" value="accept">
          {t("accept")}
        </SubmitButton>
        <SubmitButton name="response" value="reject" variant="secondary">
          {t("reject")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
