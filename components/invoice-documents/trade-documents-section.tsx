import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RemoveTradeDocumentForm } from "./remove-form";
import { TradeDocumentUploadForm } from "./upload-form";

export interface TradeDocumentItem {
  id: string;
  kind: string;
  originalName: string;
  sizeBytes: number;
  createdAt: Date;
}

export interface TradeDocumentsSectionProps {
  org: string;
  invoiceId: string;
  kinds: readonly string[];
  documents: readonly TradeDocumentItem[];
  /** Owners and finance staff, on an invoice that is not void. */
  canEdit: boolean;
  isVoid: boolean;
}

/** The invoice's trade background: per kind, the documents on file and (for those who may) an upload form. */
export async function TradeDocumentsSection({ org, invoiceId, kinds, documents, canEdit, isVoid }: TradeDocumentsSectionProps) {
  const t = await getTranslations("documents.trade");
  const format = await getFormatter();
  const base = `/o/${encodeURIComponent(org)}/invoices/${encodeURIComponent(invoiceId)}/documents`;
  return (
    <Card data-testid="trade-documents">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="flex flex-col divide-y divide-slate-100">
        {isVoid ? <p className="pb-3 text-sm text-slate-600">{t("voidNote")}</p> : !canEdit ? <p className="pb-3 text-sm text-slate-600">{t("viewerNote")}</p> : null}
        {kinds.map((kind) => {
          const ofKind = documents.filter((document) => document.kind === kind);
          return (
            <section key={kind} className="grid gap-3 py-4 md:grid-cols-[14rem_1fr]" aria-labelledby={`trade-kind-${kind}`} data-testid={`trade-kind-${kind}`}>
              <h3 id={`trade-kind-${kind}`} className="text-sm font-semibold text-slate-900">
                {t(`kinds.${kind}`)}
              </h3>
              <div className="flex flex-col gap-3">
                {ofKind.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("none")}</p>
                ) : (
                  <ul className="flex flex-col gap-1">
                    {ofKind.map((document) => (
                      <li key={document.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                        <a href={`${base}/${document.id}`} className="font-medium text-teal-700 underline-offset-2 hover:underline">
                          {document.originalName}
                        </a>
                        <span className="text-slate-500">{t("size", { size: Math.max(1, Math.ceil(document.sizeBytes / 1024)) })}</span>
                        <span className="text-slate-500">{t("uploadedAt", { date: format.dateTime(document.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
                        {canEdit ? <RemoveTradeDocumentForm org={org} invoiceId={invoiceId} documentId={document.id} name={document.originalName} /> : null}
                      </li>
                    ))}
                  </ul>
                )}
                {canEdit ? <TradeDocumentUploadForm org={org} invoiceId={invoiceId} kind={kind} /> : null}
              </div>
            </section>
          );
        })}
      </CardBody>
    </Card>
  );
}
