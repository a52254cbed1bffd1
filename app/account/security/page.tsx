import { getFormatter, getTranslations } from "next-intl/server";
import { ChangePasswordForm, RevokeSessionForm, SignOutEverywhereForm } from "@/components/account/session-forms";
import { TwoFactorEnrollment, TwoFactorManagement } from "@/components/account/two-factor-setup";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { listActiveSessions, listLoginHistory, unusedRecoveryCodeCount } from "@/lib/server/account/queries";
import { requireViewer } from "@/lib/server/auth/viewer";

const TIME_ZONE = "Asia/Shanghai";

export default async function SecurityPage() {
  const viewer = await requireViewer();
  const t = await getTranslations("account");
  const format = await getFormatter();
  const [sessions, history, recoveryLeft] = await Promise.all([
    listActiveSessions(viewer.user.id),
    listLoginHistory(viewer.user.id),
    unusedRecoveryCodeCount(viewer.user.id),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description", { email: viewer.user.email })} />
      <Card>
        <CardHeader
          title={t("twoFactor.title")}
          description={viewer.user.totpEnabledAt ? t("twoFactor.onSince", { date: when(viewer.user.totpEnabledAt), left: recoveryLeft }) : t("twoFactor.off")}
          actions={viewer.user.totpEnabledAt ? <Badge tone="success">{t("twoFactor.on")}</Badge> : <Badge tone="warning">{t("twoFactor.offBadge")}</Badge>}
        />
        <CardBody>{viewer.user.totpEnabledAt ? <TwoFactorManagement /> : <TwoFactorEnrollment />}</CardBody>
      </Card>
      <Card>
        <CardHeader title={t("password.title")} />
        <CardBody>
          <ChangePasswordForm />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("sessions.title")} description={t("sessions.description")} actions={<SignOutEverywhereForm />} />
        <Table caption={t("sessions.title")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("sessions.device")}</TableHeaderCell>
              <TableHeaderCell>{t("sessions.ip")}</TableHeaderCell>
              <TableHeaderCell>{t("sessions.started")}</TableHeaderCell>
              <TableHeaderCell>{t("sessions.actions")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sessions.map((session) => (
              <TableRow key={session.id}>
                <TableCell className="max-w-xs truncate text-sm" title={session.userAgent ?? ""}>
                  {session.userAgent ?? "—"} {session.id === viewer.session.id ? <Badge tone="brand">{t("sessions.current")}</Badge> : null}
                </TableCell>
                <TableCell className="text-sm">{session.ip ?? "—"}</TableCell>
                <TableCell className="text-sm">{when(session.createdAt)}</TableCell>
                <TableCell>{session.id !== viewer.session.id ? <RevokeSessionForm sessionId={session.id} /> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card>
        <CardHeader title={t("history.title")} description={t("history.description")} />
        <Table caption={t("history.title")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("history.time")}</TableHeaderCell>
              <TableHeaderCell>{t("history.result")}</TableHeaderCell>
              <TableHeaderCell>{t("history.ip")}</TableHeaderCell>
              <TableHeaderCell>{t("history.device")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map((event) => (
              <TableRow key={event.id}>
                <TableCell className="whitespace-nowrap text-sm">{when(event.at)}</TableCell>
                <TableCell className="text-sm">
                  {event.success ? <Badge tone="success">{t("history.success")}</Badge> : <Badge tone="danger">{t("history.failure")}</Badge>}{" "}
                  {event.mfaUsed ? <Badge tone="info">{t("history.mfa")}</Badge> : null}{" "}
                  {event.newDevice ? <Badge tone="warning">{t("history.newDevice")}</Badge> : null}{" "}
                  {event.reason ? <span className="text-slate-600">{t(`history.reasons.${event.reason}`)}</span> : null}
                </TableCell>
                <TableCell className="text-sm">{event.ip ?? "—"}</TableCell>
                <TableCell className="max-w-xs truncate text-sm" title={event.userAgent ?? ""}>
                  {event.userAgent ?? "—"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
