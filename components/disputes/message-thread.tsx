import type { Locale } from "@/i18n/catalog";
import { cn } from "@/components/ui/cn";
import { caseTime } from "./format";
import { disputeTranslations } from "./translations";

export type DisputeParty = "factory" | "agent" | "buyer" | "system";

export interface ThreadMessage {
  id: string;
  authorKind: DisputeParty;
  authorName: string | null;
  body: string;
  at: Date;
}

const PARTY_STYLE: Record<DisputeParty, string> = {
  factory: "border-teal-200 bg-teal-50/60",
  agent: "border-sky-200 bg-sky-50/60",
  buyer: "border-amber-200 bg-amber-50/60",
  system: "border-slate-200 bg-slate-50",
};

/** The case's messages, oldest first, each labelled with its side (the colour only supports the label). */
export async function MessageThread({ messages, locale, timeZone }: { messages: readonly ThreadMessage[]; locale: Locale; timeZone: string }) {
  const t = await disputeTranslations(locale);
  if (messages.length === 0) return <p className="text-sm text-slate-600">{t("thread.empty")}</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label={t("thread.title")} data-testid="dispute-thread">
      {messages.map((message) => (
        <li key={message.id} className={cn("rounded-md border px-4 py-3", PARTY_STYLE[message.authorKind])} data-testid="dispute-message" data-author={message.authorKind}>
          <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
            <span className="font-semibold text-slate-900">{t(`party.${message.authorKind}`)}</span>
            {message.authorName ? <span>{message.authorName}</span> : null}
            <time dateTime={message.at.toISOString()}>{caseTime(message.at, locale, timeZone)}</time>
          </p>
          <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-900">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}
