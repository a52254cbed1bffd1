import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { AuthLayout } from "@/components/shell/auth-layout";
import { devMailboxEnabled } from "@/lib/server/email/outbox";
import { listMailbox } from "@/lib/server/mailbox/queries";

export const dynamic = "force-dynamic";

/** Links in a message body, made clickable so the demo and the tests can follow them. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <a key={index} href={part} className="break-all text-teal-700 underline">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!devMailboxEnabled()) notFound();
  const { to } = await searchParams;
  const t = await getTranslations("mailbox");
  const format = await getFormatter();
  const messages = await listMailbox(to);
  return (
    <AuthLayout title={t("title")} description={t("description")}>
      <form method="get" className="mb-4 flex gap-2">
        <label className="sr-only" htmlFor="mailbox-to">
          {t("to")}
        </label>
        <input id="mailbox-to" name="to" defaultValue={to} placeholder={t("filter")} className="flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white">
          {t("apply")}
        </button>
      </form>
      {messages.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      <ol className="flex flex-col gap-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded-md border border-slate-200 p-3" data-testid="mail">
            <div className="text-xs text-slate-500">
              {format.dateTime(message.createdAt, { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" })} · {t("to")}: {message.to}
            </div>
            <h2 className="mt-1 font-medium text-slate-900">{message.subject}</h2>
            <p className="mt-2 whitespace-pre-wrap text-sm text-slate-700">
              <Linkified text={message.text} />
            </p>
          </li>
        ))}
      </ol>
    </AuthLayout>
  );
}
