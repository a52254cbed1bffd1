"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { setLocale } from "@/app/actions/preferences";
import { cn } from "@/components/ui/cn";
import { LOCALES, type Locale } from "@/i18n/catalog";

export interface LocaleSwitcherProps {
  className?: string;
  /** "compact" for the top bar of signed-out pages, "full" (wider buttons) inside menus. */
  size?: "compact" | "full";
}

/**
 * 中文 / English. Saves the choice (on the account too when signed in), sets the locale cookie and re-renders
 * the page in the new language. Works on signed-out pages.
 */
export function LocaleSwitcher({ className, size = "compact" }: LocaleSwitcherProps) {
  const t = useTranslations("common.locale");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [choice, setChoice] = useState<Locale | null>(null);
  const [failed, setFailed] = useState(false);
  // Once the page comes back in the chosen language, the provider's locale is the truth again.
  const [lastLocale, setLastLocale] = useState(current);
  if (current !== lastLocale) {
    setLastLocale(current);
    setChoice(null);
  }

  function choose(locale: Locale) {
    if (locale === (choice ?? current) || pending) return;
    setChoice(locale);
    setFailed(false);
    startTransition(async () => {
      try {
        const result = await setLocale({ locale });
        if (result.ok) {
          router.refresh();
          return;
        }
      } catch (error) {
        console.error("the language could not be saved", error);
      }
      setFailed(true);
      setChoice(null);
    });
  }

  const shown = choice ?? current;

  return (
    <div className={cn("relative", size === "full" ? "flex flex-col gap-1.5" : "inline-flex", className)}>
      <div
        role="group"
        aria-label={t("label")}
        aria-busy={pending || undefined}
        className={cn("inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm", size === "full" && "flex")}
      >
        {LOCALES.map((locale) => {
          const selected = locale === shown;
          return (
            <button
              key={locale}
              type="button"
              lang={locale}
              aria-pressed={selected}
              disabled={pending}
              onClick={() => choose(locale)}
              className={cn(
                "rounded px-2.5 py-1 text-sm font-medium transition-colors disabled:cursor-wait",
                size === "full" && "flex-1",
                selected ? "bg-teal-700 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(locale)}
            </button>
          );
        })}
      </div>
      {failed ? (
        <p
          role="alert"
          className={cn(
            "text-xs text-red-700",
            size === "compact" && "absolute top-full right-0 z-10 mt-1 w-max max-w-[16rem] rounded bg-white px-2 py-1 shadow-sm",
          )}
        >
          {t("switchFailed")}
        </p>
      ) : null}
    </div>
  );
}
