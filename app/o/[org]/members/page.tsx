import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StepUpCard } from "@/components/account/step-up-card";
import {
  InviteMemberForm,
  MemberLimitsForm,
  MemberRoleForm,
  RemoveMemberForm,
  RevokeInvitationForm,
} from "@/components/organization/member-forms";
import { TwoFactorRequired } from "@/components/account/two-factor-required";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatMoney, toDecimalString } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { listMembers, listPendingInvitations } from "@/lib/server/organizations/queries";

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { viewer, organization, membership } = await requireOrgMember(org);
  const t = await getTranslations("organization.members");
  const roles = await getTranslations("organization.roles");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const timeZone = organization.timezone;
  const isOwner = membership.role === "owner";
  const [members, invitations] = await Promise.all([
    listMembers(organization.id),
    isOwner ? listPendingInvitations(organization.id) : Promise.resolve([]),
  ]);
  const limit = (minor: bigint | null) => (minor === null ? t("noLimit") : formatMoney(minor, "CNY", locale));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {isOwner && !viewer.user.totpEnabledAt ? (
        <TwoFactorRequired message={t("needs2fa")} linkLabel={t("enable2fa")} />
      ) : null}
      {isOwner && viewer.user.totpEnabledAt && !hasFreshSecondFactor(viewer.session) ? (
        <StepUpCard title={t("stepUpTitle")} description={t("stepUpDescription")} />
      ) : null}
      <Card>
        <CardHeader title={t("listTitle", { count: members.length })} />
        <Table caption={t("listTitle", { count: members.length })}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("member")}</TableHeaderCell>
              <TableHeaderCell>{t("role")}</TableHeaderCell>
              <TableHeaderCell>{t("limits")}</TableHeaderCell>
              <TableHeaderCell>{t("joined")}</TableHeaderCell>
              {isOwner ? <TableHeaderCell>{t("actions")}</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {members.map((member) => (
              <TableRow key={member.membershipId} data-testid={`member-${member.email}`}>
                <TableCell>
                  <div className="font-medium text-slate-900">{member.name}</div>
                  <div className="text-sm text-slate-600">{member.email}</div>
                  {member.twoFactor ? <Badge tone="success">{t("twoFactorOn")}</Badge> : null}
                </TableCell>
                <TableCell>
                  {isOwner ? (
                    <MemberRoleForm org={org} membershipId={member.membershipId} role={member.role} />
                  ) : (
                    <Badge tone="brand">{roles(member.role)}</Badge>
                  )}
                </TableCell>
                <TableCell>
                  {isOwner && member.role !== "viewer" ? (
                    <MemberLimitsForm
                      org={org}
                      membershipId={member.membershipId}
                      maxSingle={member.maxSingleMinor === null ? "" : toDecimalString(member.maxSingleMinor, "CNY")}
                      dailyTotal={member.dailyTotalMinor === null ? "" : toDecimalString(member.dailyTotalMinor, "CNY")}
                    />
                  ) : (
                    <span className="tabular text-sm">
                      {t("limitSummary", { single: limit(member.maxSingleMinor), daily: limit(member.dailyTotalMinor) })}
                    </span>
                  )}
                </TableCell>
                <TableCell>{format.dateTime(member.joinedAt, { dateStyle: "medium", timeZone })}</TableCell>
                {isOwner ? (
                  <TableCell>
                    {member.userId !== viewer.user.id ? (
                      <RemoveMemberForm org={org} membershipId={member.membershipId} name={member.name} />
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      {isOwner ? (
        <Card>
          <CardHeader title={t("inviteTitle")} description={t("inviteDescription")} />
          <CardBody className="flex flex-col gap-4">
            <InviteMemberForm org={org} />
            {invitations.length > 0 ? (
              <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex items-center justify-between gap-4 px-4 py-2 text-sm">
                    <span>
                      {invitation.email} · {roles(invitation.role)} ·{" "}
                      {t("expires", { date: format.dateTime(invitation.expiresAt, { dateStyle: "medium", timeZone }) })}
                    </span>
                    <RevokeInvitationForm org={org} invitationId={invitation.id} />
                  </li>
                ))}
              </ul>
            ) : null}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
