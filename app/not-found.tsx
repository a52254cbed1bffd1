import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("common.notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-16">
      <div className="max-w-md text-center">
        <p className="tabular text-5xl font-semibold text-teal-700">404</p>
        <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("description")}</p>
        <Link href="/" className={buttonStyles({ className: "mt-8" })}>
          {t("home")}
        </Link>
      </div>
    </main>
  );
}
