"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { assignDispute, claimDispute, closeDispute, decideDispute, escalateDispute, proposeResolution } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { nextTier, ROOT_CAUSES, DISPUTE_TIERS, compareTiers, type DisputeTier } from "@/lib/domain/disputes";

/** Takes an unassigned case (in the queue row, or on the case page). */
export function ClaimForm({ disputeId, label }: { disputeId: string; label?: string }) {
  const t = useTranslations("disputes.admin");
  return (
    <ActionForm action={claimDispute} hidden={{ disputeId }} successMessage={t("claimed")} className="gap-2">
      <div>
        <SubmitButton size="sm" variant="secondary" aria-label={label}>
          {t("claim")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Gives the case to another agent, or back to the queue. */
export function AssignForm({ disputeId, assigneeId, staff }: { disputeId: string; assigneeId: string | null; staff: readonly { id: string; name: string }[] }) {
  const t = useTranslations("disputes.admin.assignment");
  return (
    <ActionForm
      action={assignDispute}
      hidden={{ disputeId }}
      successMessage={t("done")}
      className="flex-row flex-wrap items-end gap-3"
    >
      <FormField name="assigneeId" label={t("reassignTo")} className="min-w-56 flex-1">
        <Select options={[{ value: "", label: t("nobody") }, ...staff.map((person) => ({ value: person.id, label: person.name }))]} defaultValue={assigneeId ?? ""} />
      </FormField>
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/** Moves the case up a tier with the agent's reason. */
export function EscalateForm({ disputeId, tier }: { disputeId: string; tier: DisputeTier }) {
  const t = useTranslations("disputes");
  const higher = DISPUTE_TIERS.filter((candidate) => compareTiers(candidate, tier) > 0);
  return (
    <ActionForm action={escalateDispute} hidden={{ disputeId }} successMessage={t("admin.escalate.done")} resetOnSuccess data-testid="escalate-form">
      <FormField name="toTier" label={t("admin.escalate.to")} required>
        <Select options={higher.map((candidate) => ({ value: candidate, label: t(`tier.long.${candidate}`) }))} defaultValue={nextTier(tier) ?? undefined} />
      </FormField>
      <FormField name="reason" label={t("admin.escalate.reason")} hint={t("admin.escalate.reasonHint")} required>
        <Textarea rows={2} maxLength={1000} />
      </FormField>
      <div>
        <SubmitButton variant="secondary">{t("admin.escalate.submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

const PROPOSABLE = ["won", "lost", "partial"] as const;
const DECIDABLE = ["won", "lost", "partial", "withdrawn"] as const;

/** The outcome select and, for a partial outcome, the buyer's share. */
function OutcomeFields({ outcomes, currency, disputed, prefix }: { outcomes: readonly string[]; currency: string; disputed: string; prefix: "propose" | "decide" }) {
  const t = useTranslations("disputes");
  const [outcome, setOutcome] = useState(outcomes[0]!);
  return (
    <>
      <FormField name="outcome" label={t(`admin.${prefix}.outcome`)} required>
        <Select value={outcome} onChange={(event) => setOutcome(event.target.value)} options={outcomes.map((value) => ({ value, label: t(`outcome.${value}`) }))} />
      </FormField>
      {outcome === "partial" ? (
        <FormField name="buyerShare" label={t(`admin.${prefix}.buyerShare`, { currency })} hint={t(`admin.${prefix}.buyerShareHint`, { amount: disputed })} required>
          <Input inputMode="decimal" autoComplete="off" trailing={currency} />
        </FormField>
      ) : null}
    </>
  );
}

/** Sends a proposed resolution to the buyer and the factory. */
export function ProposeForm({ disputeId, currency, disputed }: { disputeId: string; currency: string; disputed: string }) {
  const t = useTranslations("disputes.admin.propose");
  return (
    <ActionForm action={proposeResolution} hidden={{ disputeId }} successMessage={t("done")} resetOnSuccess data-testid="propose-form">
      <OutcomeFields outcomes={PROPOSABLE} currency={currency} disputed={disputed} prefix="propose" />
      <FormField name="note" label={t("note")} required>
        <Textarea rows={3} maxLength={5000} />
      </FormField>
      <div>
        <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** The decision: outcome, split, reason and (to close at once) root cause. Posts to the ledger. */
export function DecideForm({ disputeId, currency, disputed, defaultOutcome }: { disputeId: string; currency: string; disputed: string; defaultOutcome?: string | null }) {
  const t = useTranslations("disputes");
  const outcomes = defaultOutcome && (DECIDABLE as readonly string[]).includes(defaultOutcome) ? [defaultOutcome, ...DECIDABLE.filter((o) => o !== defaultOutcome)] : DECIDABLE;
  return (
    <ActionForm
      action={decideDispute}
      hidden={{ disputeId }}
      successMessage={t("admin.decide.done")}
      data-testid="decide-form"
    >
      <OutcomeFields outcomes={outcomes} currency={currency} disputed={disputed} prefix="decide" />
      <FormField name="note" label={t("admin.decide.note")} required>
        <Textarea rows={3} maxLength={5000} />
      </FormField>
      <FormField name="rootCause" label={t("admin.decide.rootCause")} hint={t("admin.decide.rootCauseHint")}>
        <Select options={[{ value: "", label: t("admin.decide.rootCauseLater") }, ...ROOT_CAUSES.map((cause) => ({ value: cause, label: t(`rootCause.${cause}`) }))]} defaultValue="" />
      </FormField>
      <div>
        <SubmitButton pendingText={t("admin.decide.submitting")}>{t("admin.decide.submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Closes a resolved case with its root cause, for the library. */
export function CloseForm({ disputeId }: { disputeId: string }) {
  const t = useTranslations("disputes");
  return (
    <ActionForm action={closeDispute} hidden={{ disputeId }} successMessage={t("admin.close.done")} className="flex-row flex-wrap items-end gap-3">
      <FormField name="rootCause" label={t("rootCause.label")} required className="min-w-56 flex-1">
        <Select options={ROOT_CAUSES.map((cause) => ({ value: cause, label: t(`rootCause.${cause}`) }))} placeholder={t("admin.close.choose")} />
      </FormField>
      <SubmitButton variant="secondary">{t("admin.close.submit")}</SubmitButton>
    </ActionForm>
  );
}
