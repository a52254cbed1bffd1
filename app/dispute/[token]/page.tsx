import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { NextIntlClientProvider } from "next-intl";
import { DisputeStatusBadge, OutcomeBadge } from "@/components/disputes/badges";
import { BuyerFrame } from "@/components/disputes/buyer-frame";
import { BuyerWithdrawForm } from "@/components/disputes/buyer-withdraw-form";
import { EvidenceCard, ThreadCard } from "@/components/disputes/case-sections";
import { BUYER_TIME_ZONE, caseMoney, caseTime } from "@/components/disputes/format";
import { ProposalCard } from "@/components/disputes/proposal-card";
import { ProposalResponseForm } from "@/components/disputes/proposal-response-form";
import { BuyerReplyForm } from "@/components/disputes/reply-forms";
import { disputeTranslations } from "@/components/disputes/translations";
import { payMessages } from "@/components/pay/translations";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { isUndecided } from "@/lib/domain/disputes";
import { buyerDisputeCase } from "@/lib/server/disputes/queries";
import { payLocale } from "@/lib/server/pay/locale";

// Once per request: the metadata and the page read the same case.
const caseByToken = cache((token: string) => buyerDisputeCase(token));

interface BuyerDisputePageProps {
  params: Promise<{ token: string }>;
}

export async function generateMetadata({ params }: BuyerDisputePageProps): Promise<Metadata> {
  const view = await caseByToken((await params).token);
  const t = await disputeTranslations(await payLocale(), "disputes.buyer");
  // The link is a capability: never indexed, never sent on as a referrer, and the title names the case number only.
  return { title: view ? t("metaTitle", { number: view.number }) : undefined, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The buyer's view of one case, reached only through the case's unguessable link: read, answer, add evidence. */
export default async function BuyerDisputePage({ params }: BuyerDisputePageProps) {
  const [{ token }, locale] = await Promise.all([params, payLocale()]);
  const view = await caseByToken(token);
  if (!view) notFound();
  const [t, messages] = await Promise.all([disputeTranslations(locale), payMessages(locale)]);
  const undecided = isUndecided(view.status);
  const money = (minor: bigint) => caseMoney(minor, view.currency, locale);
  const base = `/dispute/${encodeURIComponent(token)}`;
  const facts: [string, string][] = [
    [t("buyer.seller"), view.sellerName],
    [t("case.buyer"), view.buyerName],
    [t("case.invoice"), view.invoiceNumber ?? t("case.none")],
    [t("case.category"), t(`category.${view.category}`)],
    [t("money.disputed"), money(view.disputedMinor)],
    [t("case.opened"), caseTime(view.openedAt, locale, BUYER_TIME_ZONE)],
  ];

  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      <BuyerFrame locale={locale} seller={view.sellerName}>
        <Card>
          <CardBody className="flex flex-col gap-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h1 className="text-xl font-semibold tracking-tight text-slate-900" data-testid="dispute-number">
                {t("buyer.title", { number: view.number })}
              </h1>
              <DisputeStatusBadge status={view.status} t={t} />
            </div>
            <p className="text-sm text-slate-700">
              {view.invoiceNumber ? t("buyer.about", { invoice: view.invoiceNumber, seller: view.sellerName }) : t("buyer.aboutSeller", { seller: view.sellerName })}
            </p>
            <p className="text-sm text-slate-600">{t("buyer.intro", { seller: view.sellerName })}</p>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {facts.map(([label, value]) => (
                <div key={label} className="flex justify-between gap-3 border-b border-slate-100 pb-1.5">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="text-right font-medium text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="font-medium text-slate-900">{t("case.buyerClaim")}</dt>
                <dd className="mt-1 whitespace-pre-line text-slate-800">{view.buyerClaim || t("case.none")}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-900">{t("buyer.sellerAccount")}</dt>
                <dd className="mt-1 whitespace-pre-line text-slate-800">{view.description || t("case.none")}</dd>
              </div>
            </dl>
          </CardBody>
        </Card>

        {view.decision ? (
          <Alert tone="info" title={t("buyer.decidedNotice")} actions={<OutcomeBadge outcome={view.decision.outcome} t={t} />}>
            {view.decision.buyerShareMinor !== null ? t("buyer.decisionSplit", { buyerShare: money(view.decision.buyerShareMinor), factoryShare: money(view.decision.factoryShareMinor ?? 0n) }) : null}
            {view.decision.note ? <p className="mt-1 whitespace-pre-line">{view.decision.note}</p> : null}
          </Alert>
        ) : null}

        {view.status === "proposed" && view.proposal ? (
          <ProposalCard proposal={view.proposal} disputedMinor={view.disputedMinor} currency={view.currency} locale={locale}>
            <ProposalResponseForm side={{ kind: "buyer", token }} />
          </ProposalCard>
        ) : null}

        <ThreadCard messages={view.messages.map((message) => ({ ...message, authorName: null }))} locale={locale} timeZone={BUYER_TIME_ZONE}>
          {undecided ? <BuyerReplyForm token={token} /> : <p className="text-sm text-slate-600">{t("thread.readOnly")}</p>}
        </ThreadCard>

        <EvidenceCard
          evidence={view.evidence.map((file) => ({ ...file, uploaderName: null }))}
          evidenceUrl={`${base}/evidence`}
          canUpload={undecided}
          locale={locale}
          timeZone={BUYER_TIME_ZONE}
        />

        {undecided ? (
          <Card>
            <CardHeader title={t("buyer.withdraw.title")} description={t("buyer.withdraw.description")} />
            <CardBody>
              <BuyerWithdrawForm token={token} />
            </CardBody>
          </Card>
        ) : null}
      </BuyerFrame>
    </NextIntlClientProvider>
  );
}
