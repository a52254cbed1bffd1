import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StepUpPrompt } from "@/components/account/step-up-form";
import { Facts, KybHistory, KybStatusBadge, RiskBadge } from "@/components/kyb/display";
import { ApproveForm, RejectForm, RequestInfoForm, StartReviewForm } from "@/components/kyb/review-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ACCOUNT_TIERS, reviewAge } from "@/lib/domain/kyb";
import { formatMoney } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireStaff } from "@/lib/server/auth/viewer";
import {
  applicationChecks,
  applicationDocuments,
  applicationForReviewer,
  applicationHistory,
  approvalVotes,
  infoRequests,
} from "@/lib/server/kyb/queries";

const TIME_ZONE = "Asia/Shanghai";

export default async function KybApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { viewer } = await requireStaff(["kyc_reviewer", "platform_admin"]);
  const { applicationId } = await params;
  const found = await applicationForReviewer(applicationId);
  if (!found) notFound();
  const { application, organization } = found;
  const t = await getTranslations("kyb");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const [documents, history, requests, votes] = await Promise.all([
    applicationDocuments(application.id),
    applicationHistory(application.id),
    infoRequests(application.id),
    approvalVotes(application.id, application.round),
  ]);
  const checks = await applicationChecks(application, documents.map((document) => document.kind));
  const company = application.company ?? {};
  const rep = application.legalRepresentative ?? {};
  const bank = application.bankAccount ?? {};
  const owners = (application.beneficialOwners?.owners as Record<string, string>[] | undefined) ?? [];
  const s = (value: unknown) => (typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : "");
  const age = application.submittedAt && (application.status === "submitted" || application.status === "in_review") ? reviewAge(application.submittedAt, new Date()) : null;
  const youVoted = votes.some((vote) => vote.reviewerUserId === viewer.user.id);
  const fresh = Boolean(viewer.user.totpEnabledAt) && hasFreshSecondFactor(viewer.session);
  const errors = await getTranslations("errors");

  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/kyb" className="text-sm font-medium text-teal-800 hover:underline">
        ← {t("review.back")}
      </Link>
      <PageHeader
        title={application.legalNameZh ?? organization.name}
        description={`${application.legalNameEn ?? ""} · ${t("review.organization")}: ${organization.name}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <KybStatusBadge status={application.status} />
            <RiskBadge level={application.riskLevel} />
            {application.round > 0 ? <Badge>{t("review.round", { round: application.round })}</Badge> : null}
            {age ? (
              <Badge tone={age.overdue ? "danger" : "neutral"}>
                {t("queue.ageDays", { days: age.businessDays })}
                {age.overdue ? ` · ${t("queue.overdue")}` : ""}
              </Badge>
            ) : null}
          </div>
        }
      />

      {application.riskLevel === "high" ? (
        <Alert tone="warning" data-testid="kyb-four-eyes">
          <p>{t("review.fourEyes")}</p>
          {(application.riskReasons ?? []).map((reason) => (
            <p key={reason}>· {t(`risk.reasons.${reason}`)}</p>
          ))}
          {votes.length > 0 ? <p className="mt-1">{t("review.votes", { names: votes.map((vote) => vote.reviewerName).join(", ") })}</p> : null}
        </Alert>
      ) : null}

      {application.status === "submitted" ? (
        <Card>
          <CardHeader title={t("review.startReview")} description={t("review.startReviewHint")} />
          <CardBody>
            <StartReviewForm applicationId={application.id} />
          </CardBody>
        </Card>
      ) : null}

      {application.status === "in_review" ? (
        <Card data-testid="kyb-decisions">
          <CardHeader title={t("review.decisionsTitle")} description={t("review.decisionsHint")} />
          <CardBody className="flex flex-col gap-6">
            {!fresh ? <StepUpPrompt tone="plain" title={t("review.stepUpTitle")} description={t("review.stepUpDescription")} /> : null}
            {youVoted ? <Alert tone="info">{t("review.youVoted")}</Alert> : null}
            <div className="grid gap-6 lg:grid-cols-2">
              <section className="flex flex-col gap-3" aria-labelledby="kyb-approve">
                <h3 id="kyb-approve" className="font-semibold text-slate-900">{t("review.approve")}</h3>
                <ApproveForm applicationId={application.id} tiers={ACCOUNT_TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))} />
              </section>
              <section className="flex flex-col gap-3" aria-labelledby="kyb-reject">
                <h3 id="kyb-reject" className="font-semibold text-slate-900">{t("review.reject")}</h3>
                <RejectForm applicationId={application.id} />
              </section>
            </div>
            <section className="flex flex-col gap-3" aria-labelledby="kyb-request">
              <h3 id="kyb-request" className="font-semibold text-slate-900">{t("review.requestInfo")}</h3>
              <RequestInfoForm applicationId={application.id} />
            </section>
          </CardBody>
        </Card>
      ) : null}

      {application.status === "rejected" && application.rejectionReason ? (
        <Alert tone="error" title={t("review.rejectionReason")}>{application.rejectionReason}</Alert>
      ) : null}
      {application.status === "approved" && application.approvedTier ? (
        <Alert tone="success" title={t("review.decidedTier")}>{t(`tiers.${application.approvedTier}`)}</Alert>
      ) : null}

      <Card>
        <CardHeader title={t("review.checks")} />
        <CardBody>
          <ul className="flex flex-col gap-2 text-sm" data-testid="kyb-checks">
            {checks.map((check) => {
              const [base, index] = check.key.split(".");
              const name = index !== undefined ? t(`review.checkNames.${base}`, { number: Number(index) + 1 }) : t(`review.checkNames.${base}`);
              return (
                <li key={check.key} className="flex flex-wrap items-center gap-2">
                  <Badge tone={check.ok ? "success" : "danger"}>{check.ok ? t("review.checkOk") : t("review.checkFailed")}</Badge>
                  <span className="text-slate-900">{name}</span>
                  {!check.ok && check.code && errors.has(`validation.${check.code}`) ? (
                    <span className="text-slate-600">— {errors(`validation.${check.code}`)}</span>
                  ) : !check.ok && check.code && errors.has(check.code) ? (
                    <span className="text-slate-600">— {errors(check.code)}</span>
                  ) : null}
                  {!check.ok && check.others && check.others.length > 0 ? (
                    <span className="text-slate-600">
                      —{" "}
                      {check.key === "documents"
                        ? t("review.missingDocuments", { kinds: check.others.map((kind) => t(`documents.kinds.${kind}`)).join(", ") })
                        : t("review.duplicateOf", { names: check.others.join(", ") })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("review.sections.company")} />
        <CardBody>
          <Facts
            rows={[
              [t("company.legalNameZh"), s(company.legalNameZh)],
              [t("company.legalNameEn"), s(company.legalNameEn)],
              [t("company.uscc"), <span key="uscc" className="font-mono">{s(company.uscc)}</span>],
              [t("company.registeredAddress"), s(company.registeredAddress)],
              [t("company.establishedOn"), s(company.establishedOn)],
              [t("company.businessScope"), s(company.businessScope)],
              [t("company.customsCode"), s(company.customsCode)],
              [t("company.industry"), company.industry ? t(`industries.${s(company.industry)}`) : ""],
              [t("company.website"), s(company.website)],
              [t("company.expectedMonthlyVolume"), application.expectedMonthlyVolumeCnyMinor === null ? "" : formatMoney(application.expectedMonthlyVolumeCnyMinor, "CNY", locale)],
              [t("company.currencies"), s(company.currencies)],
              [t("company.buyerCountries"), s(company.buyerCountries)],
            ]}
          />
        </CardBody>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("review.sections.legalRepresentative")} />
          <CardBody>
            <Facts
              rows={[
                [t("person.name"), s(rep.name)],
                [t("person.idType"), rep.idType ? t(`idTypes.${s(rep.idType)}`) : ""],
                [t("person.idNumber"), <span key="id" className="font-mono">{s(rep.idNumber)}</span>],
                [t("person.nationality"), s(rep.nationality)],
              ]}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("review.sections.bankAccount")} />
          <CardBody>
            <Facts
              rows={[
                [t("bank.bankName"), s(bank.bankName)],
                [t("bank.branchName"), s(bank.branchName)],
                [t("bank.accountHolder"), s(bank.accountHolder)],
                [t("bank.accountNumber"), <span key="n" className="font-mono">{s(bank.accountNumber)}</span>],
                [t("bank.cnaps"), <span key="c" className="font-mono">{s(bank.cnaps)}</span>],
                [t("bank.foreignCurrency"), bank.foreignCurrency ? t("review.yes") : t("review.no")],
                [t("bank.foreignBankCountry"), s(bank.foreignBankCountry)],
                [t("bank.swiftBic"), <span key="b" className="font-mono">{s(bank.swiftBic)}</span>],
                [t("bank.iban"), <span key="i" className="font-mono">{s(bank.iban)}</span>],
              ]}
            />
          </CardBody>
        </Card>
      </div>

      <Card>
        <CardHeader title={t("review.sections.beneficialOwners")} />
        <CardBody>
          {owners.length === 0 ? (
            <p className="text-sm text-slate-600">{t("review.noOwners")}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {owners.map((owner, index) => (
                <li key={index}>
                  <span className="font-medium">{owner.name}</span> · {t(`idTypes.${owner.idType === "passport" ? "passport" : "prc_resident_id"}`)}{" "}
                  <span className="font-mono">{owner.idNumber}</span> · {owner.nationality} · {owner.sharePercent} %
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("review.sections.documents")} />
        <CardBody>
          {documents.length === 0 ? (
            <p className="text-sm text-slate-600">{t("documents.none")}</p>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {documents.map((document) => {
                const href = `/admin/kyb/documents/${document.id}`;
                return (
                  <li key={document.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 text-sm">
                    <span className="font-medium text-slate-900">{t(`documents.kinds.${document.kind}`)}</span>
                    <span className="break-all text-slate-600">
                      {document.originalName} · {t("documents.size", { size: format.number(Math.max(1, Math.round(document.sizeBytes / 1024))) })}
                    </span>
                    {document.contentType.startsWith("image/") ? (
                      // eslint-disable-next-line @next/next/no-img-element
                      <img src={href} alt={t("review.preview", { name: document.originalName })} className="max-h-64 rounded border border-slate-200 object-contain" />
                    ) : null}
                    <a href={href} target="_blank" rel="noopener" className="font-medium text-teal-800 hover:underline">
                      {document.contentType === "application/pdf" ? t("review.openPdf") : t("documents.open")}
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
        </CardBody>
      </Card>

      {requests.length > 0 ? (
        <Card>
          <CardHeader title={t("review.sections.requests")} />
          <CardBody>
            <ul className="flex flex-col gap-3 text-sm">
              {requests.map((request) => (
                <li key={request.id} className="rounded-md border border-slate-200 p-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{t.has(`fields.${request.field}`) ? t(`fields.${request.field}`) : request.field}</span>
                    <Badge tone={request.closedAt ? "neutral" : request.answeredAt ? "success" : "warning"}>
                      {request.closedAt ? t("requests.closed") : request.answeredAt ? t("requests.answered") : t("requests.open")}
                    </Badge>
                    <span className="text-slate-500">{t("review.round", { round: request.round })}</span>
                  </div>
                  <p className="mt-1 text-slate-800">{request.comment}</p>
                  {request.answer ? <p className="mt-1 border-l-2 border-teal-300 pl-2 text-slate-700">{request.answer}</p> : null}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("history.title")} />
        <CardBody>
          <KybHistory items={history} showStaffNames timeZone={TIME_ZONE} />
        </CardBody>
      </Card>
    </div>
  );
}
