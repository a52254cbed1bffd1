import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import {
  AnswerRequestForm,
  BankAccountForm,
  BeneficialOwnersForm,
  CompanyForm,
  DocumentUploadForm,
  LegalRepresentativeForm,
  RemoveDocumentForm,
  SubmitApplicationForm,
} from "@/components/kyb/application-forms";
import { KybHistory, KybStatusBadge } from "@/components/kyb/display";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { isEditableByApplicant } from "@/lib/domain/kyb";
import { formatMoney } from "@/lib/domain/money";
import { REQUIRED_DOCUMENT_KINDS } from "@/lib/domain/kyb/fields";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { applicationDocuments, applicationHistory, applicationOfOrganization, infoRequests, missingSections } from "@/lib/server/kyb/queries";
import { loadTierLimits } from "@/lib/server/kyb/settings";

const STEPS = ["company", "legalRepresentative", "beneficialOwners", "bankAccount", "documents", "review"] as const;
type Step = (typeof STEPS)[number];

export default async function OnboardingPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const search = await searchParams;
  const { organization, membership } = await requireOrgMember(org);
  const t = await getTranslations("kyb");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const application = await applicationOfOrganization(organization.id);
  const status = application?.status ?? "draft";
  const canApply = membership.role !== "viewer";
  const editable = canApply && isEditableByApplicant(status);
  const requestedStep = typeof search.step === "string" ? search.step : "";
  const step: Step = (STEPS as readonly string[]).includes(requestedStep) ? (requestedStep as Step) : "company";

  const [documents, history, requests, missing, limits] = await Promise.all([
    application ? applicationDocuments(application.id) : Promise.resolve([]),
    application ? applicationHistory(application.id) : Promise.resolve([]),
    application ? infoRequests(application.id) : Promise.resolve([]),
    application ? missingSections(application) : Promise.resolve(["company", "legalRepresentative", "beneficialOwners", "bankAccount", "documents"]),
    loadTierLimits(),
  ]);
  const openRequests = requests.filter((request) => !request.closedAt);
  const done = (section: Step) => section !== "review" && !missing.includes(section);
  const tier = status === "approved" ? application?.approvedTier : null;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} actions={<KybStatusBadge status={application?.status ?? null} />} />

      {status === "approved" && tier ? (
        <Alert tone="success" title={t("banner.unlockedTitle")} data-testid="kyb-unlocked">
          {t("banner.unlocked")}
        </Alert>
      ) : (
        <Alert tone="warning" title={t("banner.lockedTitle")} data-testid="kyb-locked">
          <p>{t("banner.locked")}</p>
          {status === "submitted" || status === "in_review" ? <p className="mt-1">{t("banner.waiting")}</p> : null}
          {status === "info_requested" ? <p className="mt-1">{t("banner.infoRequested")}</p> : null}
          {status === "rejected" ? <p className="mt-1">{t("banner.rejected", { reason: application?.rejectionReason ?? "" })}</p> : null}
        </Alert>
      )}

      {status === "approved" && tier ? (
        <Card>
          <CardHeader title={t("approved.title")} />
          <CardBody>
            <dl className="grid gap-4 sm:grid-cols-3" data-testid="kyb-tier">
              <div>
                <dt className="text-sm text-slate-600">{t("approved.tier")}</dt>
                <dd className="mt-1 text-lg font-semibold text-slate-900">{t(`tiers.${tier}`)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t("approved.dailyPayout")}</dt>
                <dd className="tabular mt-1 text-lg font-semibold text-slate-900">{formatMoney(limits[tier].dailyPayoutCnyMinor, "CNY", locale)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t("approved.dailyConversion")}</dt>
                <dd className="tabular mt-1 text-lg font-semibold text-slate-900">{formatMoney(limits[tier].dailyConversionCnyMinor, "CNY", locale)}</dd>
              </div>
            </dl>
          </CardBody>
        </Card>
      ) : null}

      {openRequests.length > 0 ? (
        <Card data-testid="kyb-requests">
          <CardHeader title={t("requests.title")} description={t("requests.description")} />
          <CardBody className="flex flex-col gap-5">
            {openRequests.map((request) => (
              <div key={request.id} className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50/40 p-4" data-testid={`kyb-request-${request.field}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{t.has(`fields.${request.field}`) ? t(`fields.${request.field}`) : request.field}</span>
                  <Badge tone={request.answeredAt ? "success" : "warning"}>{request.answeredAt ? t("requests.answered") : t("requests.open")}</Badge>
                </div>
                <p className="text-sm text-slate-800">{request.comment}</p>
                {canApply && status === "info_requested" ? (
                  <AnswerRequestForm
                    org={org}
                    requestId={request.id}
                    answer={request.answer ?? ""}
                    label={t.has(`fields.${request.field}`) ? t(`fields.${request.field}`) : request.field}
                  />
                ) : request.answer ? (
                  <p className="text-sm text-slate-700">{request.answer}</p>
                ) : null}
              </div>
            ))}
          </CardBody>
        </Card>
      ) : null}

      {!canApply ? <Alert tone="info">{t("viewerNote")}</Alert> : null}

      <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
        <nav aria-label={t("steps.label")}>
          <ol className="flex flex-col gap-1">
            {STEPS.map((section, index) => (
              <li key={section}>
                <Link
                  href={`/o/${org}/onboarding?step=${section}`}
                  aria-current={section === step ? "step" : undefined}
                  className={cn(
                    "flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm",
                    section === step ? "bg-teal-50 font-semibold text-teal-900" : "text-slate-700 hover:bg-slate-100",
                  )}
                >
                  <span>
                    {index + 1}. {t(`steps.${section}`)}
                  </span>
                  {section !== "review" ? (
                    <span className={cn("text-xs", done(section) ? "text-emerald-700" : "text-slate-500")}>
                      {done(section) ? t("steps.saved") : t("steps.todo")}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ol>
        </nav>

        <Card>
          <CardHeader title={t(`steps.${step}`)} description={stepDescription(step, t)} />
          <CardBody className="flex flex-col gap-5">
            {step === "company" ? <CompanyForm org={org} values={application?.company ?? null} editable={editable} /> : null}
            {/* Identity numbers and the bank account are for those who may apply, as the identity papers are. */}
            {!canApply && (step === "legalRepresentative" || step === "beneficialOwners" || step === "bankAccount") ? (
              <p className="text-sm text-slate-600">{t("viewerPersonalData")}</p>
            ) : null}
            {canApply && step === "legalRepresentative" ? (
              <LegalRepresentativeForm org={org} values={application?.legalRepresentative ?? null} editable={editable} />
            ) : null}
            {canApply && step === "beneficialOwners" ? (
              <BeneficialOwnersForm org={org} values={application?.beneficialOwners ?? null} editable={editable} />
            ) : null}
            {canApply && step === "bankAccount" ? <BankAccountForm org={org} values={application?.bankAccount ?? null} editable={editable} /> : null}
            {step === "documents" ? (
              <>
                {documents.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("documents.none")}</p>
                ) : (
                  <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="kyb-documents">
                    {documents.map((document) => (
                      <li key={document.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm">
                        <span>
                          <span className="font-medium text-slate-900">{t(`documents.kinds.${document.kind}`)}</span> · {document.originalName} ·{" "}
                          {t("documents.size", { size: format.number(Math.max(1, Math.round(document.sizeBytes / 1024))) })}
                        </span>
                        <span className="flex items-center gap-2">
                          {canApply ? (
                            <a href={`/o/${org}/onboarding/documents/${document.id}`} target="_blank" rel="noopener" className="font-medium text-teal-800 hover:underline">
                              {t("documents.open")}
                            </a>
                          ) : null}
                          {editable ? <RemoveDocumentForm org={org} documentId={document.id} /> : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {editable ? <DocumentUploadForm org={org} requiredKinds={REQUIRED_DOCUMENT_KINDS} /> : null}
                {editable ? (
                  <div>
                    <Link href={`/o/${org}/onboarding?step=review`} className="text-sm font-medium text-teal-800 hover:underline">
                      {t("steps.review")} →
                    </Link>
                  </div>
                ) : null}
              </>
            ) : null}
            {step === "review" ? (
              <>
                {missing.length > 0 ? (
                  <Alert tone="info">
                    <p>{t("submit.missing")}</p>
                    <ul className="mt-1 list-disc pl-5">
                      {missing.map((section) => (
                        <li key={section}>
                          <Link href={`/o/${org}/onboarding?step=${section}`} className="underline">
                            {t(`steps.${section}`)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </Alert>
                ) : null}
                {editable ? <SubmitApplicationForm org={org} resubmit={status === "info_requested"} /> : null}
              </>
            ) : null}
          </CardBody>
        </Card>
      </div>

      <Card>
        <CardHeader title={t("history.title")} />
        <CardBody>
          <KybHistory items={history} showStaffNames={false} timeZone={organization.timezone} />
        </CardBody>
      </Card>
    </div>
  );
}

function stepDescription(step: Step, t: Awaited<ReturnType<typeof getTranslations<"kyb">>>): string | undefined {
  switch (step) {
    case "legalRepresentative":
      return t("legalRepresentative.description");
    case "beneficialOwners":
      return t("owners.description");
    case "bankAccount":
      return t("bank.description");
    case "documents":
      return t("documents.description");
    case "review":
      return t("submit.description");
    default:
      return undefined;
  }
}
