import type { Locale } from "@/i18n/catalog";
import { caseTime } from "./format";
import type { DisputeParty } from "./message-thread";
import { disputeTranslations } from "./translations";

export interface EvidenceItem {
  id: string;
  kind: string;
  uploadedByKind: DisputeParty;
  uploaderName: string | null;
  note: string | null;
  originalName: string;
  sizeBytes: number;
  at: Date;
}

/** The case's files, each a download through the guarded route under `baseHref` (`…/evidence`). */
export async function EvidenceList({ evidence, baseHref, locale, timeZone }: { evidence: readonly EvidenceItem[]; baseHref: string; locale: Locale; timeZone: string }) {
  const t = await disputeTranslations(locale);
  if (evidence.length === 0) return <p className="text-sm text-slate-600">{t("evidence.empty")}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100" data-testid="dispute-evidence">
      {evidence.map((item) => (
        <li key={item.id} className="flex flex-col gap-0.5 py-2 first:pt-0 last:pb-0 text-sm" data-testid="dispute-evidence-item">
          <span className="flex flex-wrap items-baseline gap-x-3">
            <a
              href={`${baseHref}/${encodeURIComponent(item.id)}`}
              className="font-medium break-all text-teal-800 underline-offset-2 hover:underline"
              aria-label={t("evidence.download", { name: item.originalName })}
            >
              {item.originalName}
            </a>
            <span className="text-slate-600">{t(`evidence.kinds.${item.kind}`)}</span>
            <span className="text-slate-600">{t("evidence.size", { size: Math.max(1, Math.ceil(item.sizeBytes / 1024)) })}</span>
          </span>
          {item.note ? <span className="text-slate-800">{item.note}</span> : null}
          <span className="text-xs text-slate-600">
            {t("evidence.addedBy", {
              party: item.uploaderName ? `${t(`party.${item.uploadedByKind}`)} (${item.uploaderName})` : t(`party.${item.uploadedByKind}`),
              date: caseTime(item.at, locale, timeZone),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}
