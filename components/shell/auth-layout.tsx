import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ProductMark } from "./app-shell";
import { LocaleSwitcher } from "./locale-switcher";

export interface AuthLayoutProps {
  /** The page's h1 ("Sign in"); already translated. */
  title?: ReactNode;
  description?: ReactNode;
  /** The form. */
  children: ReactNode;
  /** Under the card: "No account? Sign up", and the like. */
  footer?: ReactNode;
}

/** Signed-out pages: the product name, one centred card, and the language switch in the corner. */
export async function AuthLayout({ title, description, children, footer }: AuthLayoutProps) {
  const t = await getTranslations("common.product");
  return (
    <div className="relative flex min-h-dvh flex-col bg-gradient-to-b from-slate-100 to-slate-50">
      <header className="flex items-center justify-between px-4 py-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded-md font-semibold text-slate-900" aria-label={t("home")}>
          <ProductMark />
          <span className="text-base tracking-tight">{t("name")}</span>
        </Link>
        <LocaleSwitcher />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-md">
          <div className="rounded-xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-8">
            {title ? (
              <div className="mb-6">
                <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
                {description ? <p className="mt-1.5 text-sm text-slate-600">{description}</p> : null}
              </div>
            ) : null}
            {children}
          </div>
          {footer ? <div className="mt-6 text-center text-sm text-slate-600 [&_a]:font-medium [&_a]:text-teal-800 [&_a]:hover:underline">{footer}</div> : null}
          <p className="mt-8 text-center text-xs text-slate-500">{t("tagline")}</p>
        </div>
      </main>
    </div>
  );
}
