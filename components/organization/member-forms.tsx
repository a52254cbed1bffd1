"use client";

import { useTranslations } from "next-intl";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation, updateMemberLimits } from "@/app/actions/organization";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const ROLES = ["owner", "finance", "viewer"] as const;

function useRoleOptions() {
  const roles = useTranslations("organization.roles");
  return ROLES.map((role) => ({ value: role, label: roles(role) }));
}

export function InviteMemberForm({ org }: { org: string }) {
  const t = useTranslations("organization.members");
  const options = useRoleOptions();
  return (
    <ActionForm action={inviteMember} hidden={{ org }} resetOnSuccess successMessage={t("invited")} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
      <FormField label={t("inviteEmail")} name="email" required>
        <Input type="email" autoComplete="off" />
      </FormField>
      <FormField label={t("role")} name="role" required>
        <Select options={options} defaultValue="finance" />
      </FormField>
      <SubmitButton>{t("invite")}</SubmitButton>
    </ActionForm>
  );
}

export function MemberRoleForm({ org, membershipId, role }: { org: string; membershipId: string; role: string }) {
  const t = useTranslations("organization.members");
  const options = useRoleOptions();
  return (
    <ActionForm action={changeMemberRole} hidden={{ org, membershipId }} className="flex flex-row items-end gap-2">
      <FormField label={t("role")} name="role" hideLabel>
        <Select options={options} defaultValue={role} />
      </FormField>
      <SubmitButton size="sm" variant="secondary">
        {t("changeRole")}
      </SubmitButton>
    </ActionForm>
  );
}

export function MemberLimitsForm({
  org,
  membershipId,
  maxSingle,
  dailyTotal,
}: {
  org: string;
  membershipId: string;
  maxSingle: string;
  dailyTotal: string;
}) {
  const t = useTranslations("organization.members");
  return (
    <ActionForm action={updateMemberLimits} hidden={{ org, membershipId }} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end" successMessage={t("limitsSaved")}>
      <FormField label={t("maxSingle")} name="maxSingle" hint={t("limitHint")}>
        <Input defaultValue={maxSingle} inputMode="decimal" trailing="CNY" />
      </FormField>
      <FormField label={t("dailyTotal")} name="dailyTotal">
        <Input defaultValue={dailyTotal} inputMode="decimal" trailing="CNY" />
      </FormField>
      <SubmitButton size="sm" variant="secondary">
        {t("saveLimits")}
      </SubmitButton>
    </ActionForm>
  );
}

export function RemoveMemberForm({ org, membershipId, name }: { org: string; membershipId: string; name: string }) {
  const t = useTranslations("organization.members");
  return (
    <ActionForm
      action={removeMember}
      hidden={{ org, membershipId }}
      onSubmitCapture={(event) => {
        if (window.confirm(t("confirmRemove", { name }))) return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      <SubmitButton size="sm" variant="danger">
        {t("remove")}
      </SubmitButton>
    </ActionForm>
  );
}

export function RevokeInvitationForm({ org, invitationId }: { org: string; invitationId: string }) {
  const t = useTranslations("organization.members");
  return (
    <ActionForm action={revokeInvitation} hidden={{ org, invitationId }}>
      <SubmitButton size="sm" variant="ghost">
        {t("revoke")}
      </SubmitButton>
    </ActionForm>
  );
}
