// The sections of a case page that agents, the factory and the buyer see alike.
import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Locale } from "@/i18n/catalog";
import type { DisputeStatus, DisputeTier } from "@/lib/domain/disputes";
import { DisputeStatusBadge, TierBadge } from "./badges";
import { CaseHistory, type HistoryEvent } from "./case-history";
import { ServiceLevelList, type CaseDeadline } from "./deadline";
import { EvidenceList, type EvidenceItem } from "./evidence-list";
import { EvidenceUploadForm } from "./evidence-upload-form";
import { MessageThread, type ThreadMessage } from "./message-thread";
import { disputeTranslations, type Translate } from "./translations";

/** The case number with its tier and status, as the page title. */
export function CaseTitle({ number, tier, status, t }: { number: string; tier: DisputeTier; status: DisputeStatus; t: Translate }) {
  return (
    <span className="flex flex-wrap items-center gap-3">
      <span data-testid="dispute-number">{number}</span>
      <TierBadge tier={tier} t={t} />
      <DisputeStatusBadge status={status} t={t} />
    </span>
  );
}

interface Where {
  locale: Locale;
  timeZone: string;
}

export async function ServiceLevelCard({ tier, deadlines, now, locale, timeZone }: Where & { tier: DisputeTier; deadlines: readonly CaseDeadline[]; now: Date }) {
  const t = await disputeTranslations(locale);
  return (
    <Card>
      <CardHeader title={t("case.serviceLevel")} description={t("case.serviceLevelDescription", { tier })} />
      <CardBody>
        <ServiceLevelList deadlines={deadlines} now={now} locale={locale} timeZone={timeZone} />
      </CardBody>
    </Card>
  );
}

/** `children`: the reply form, or what stands in for it. */
export async function ThreadCard({ messages, locale, timeZone, children }: Where & { messages: readonly ThreadMessage[]; children?: ReactNode }) {
  const t = await disputeTranslations(locale);
  return (
    <Card>
      <CardHeader title={t("thread.title")} description={t("thread.description")} />
      <CardBody className="flex flex-col gap-5">
        <MessageThread messages={messages} locale={locale} timeZone={timeZone} />
        {children}
      </CardBody>
    </Card>
  );
}

/** `evidenceUrl`: the guarded evidence route of the page's side, for downloads and (when `canUpload`) uploads. */
export async function EvidenceCard({ evidence, evidenceUrl, canUpload, locale, timeZone }: Where & { evidence: readonly EvidenceItem[]; evidenceUrl: string; canUpload: boolean }) {
  const t = await disputeTranslations(locale);
  return (
    <Card>
      <CardHeader title={t("evidence.title")} description={t("evidence.description")} />
      <CardBody className="flex flex-col gap-5">
        <EvidenceList evidence={evidence} baseHref={evidenceUrl} locale={locale} timeZone={timeZone} />
        {canUpload ? <EvidenceUploadForm uploadUrl={evidenceUrl} /> : null}
      </CardBody>
    </Card>
  );
}

export async function HistoryCard({ events, currency, locale, timeZone }: Where & { events: readonly HistoryEvent[]; currency: string }) {
  const t = await disputeTranslations(locale);
  return (
    <Card>
      <CardHeader title={t("history.title")} description={t("history.description")} />
      <CardBody>
        <CaseHistory events={events} currency={currency} locale={locale} timeZone={timeZone} />
      </CardBody>
    </Card>
  );
}
