"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonStyles } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.errorPage");
  const digest = typeof error === "object" && error !== null && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main id="main" className="flex min-h-[60dvh] items-center justify-center px-4 py-16">
      <div className="max-w-md text-center">
        <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-red-50 text-red-700">
          <Icon name="warning" className="size-6" />
        </div>
        <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("description")}</p>
        {digest ? <p className="tabular mt-2 font-mono text-xs text-slate-500">{t("reference", { digest })}</p> : null}
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Button onClick={() => retry()}>{t("retry")}</Button>
          <Link href="/" className={buttonStyles({ variant: "secondary" })}>
            {t("home")}
          </Link>
        </div>
      </div>
    </main>
  );
}
