import type { ReactNode } from "react";
import type { Locale } from "@/i18n/catalog";
import type { DisputeOutcome } from "@/lib/domain/disputes";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { OutcomeBadge } from "./badges";
import { caseMoney } from "./format";
import { disputeTranslations } from "./translations";

export interface Proposal {
  outcome: DisputeOutcome;
  buyerShareMinor: bigint | null;
  note: string | null;
}

/** The agent's proposed resolution with its split; `children` is the response form for those who may answer. */
export async function ProposalCard({ proposal, disputedMinor, currency, locale, children }: { proposal: Proposal; disputedMinor: bigint; currency: string; locale: Locale; children?: ReactNode }) {
  const t = await disputeTranslations(locale);
  const buyerShare = proposal.outcome === "lost" ? disputedMinor : proposal.outcome === "partial" ? (proposal.buyerShareMinor ?? 0n) : 0n;
  return (
    <Card data-testid="dispute-proposal">
      <CardHeader title={t("proposal.title")} description={t("proposal.description")} actions={<OutcomeBadge outcome={proposal.outcome} t={t} />} />
      <CardBody className="flex flex-col gap-4">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t("proposal.buyerShare")}</dt>
            <dd className="tabular font-medium text-slate-900">{caseMoney(buyerShare, currency, locale)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("proposal.factoryShare")}</dt>
            <dd className="tabular font-medium text-slate-900">{caseMoney(disputedMinor - buyerShare, currency, locale)}</dd>
          </div>
          {proposal.note ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-600">{t("proposal.note")}</dt>
              <dd className="whitespace-pre-line text-slate-900">{proposal.note}</dd>
            </div>
          ) : null}
        </dl>
        {children}
      </CardBody>
    </Card>
  );
}
