import type { Locale } from "@/i18n/catalog";
import { groupCardNumber, TEST_CARDS } from "@/lib/domain/cards";
import { payTranslations } from "@/components/pay/translations";

/** The test card numbers, as a real processor's test mode lists them beside its form. */
export async function TestCards({ locale }: { locale: Locale }) {
  const t = await payTranslations(locale, "pay.sandbox.testCards");
  const cards: Array<[string, string]> = [
    [TEST_CARDS.succeeds, t("succeeds")],
    [TEST_CARDS.declined, t("declined")],
    [TEST_CARDS.insufficientFunds, t("insufficientFunds")],
    [TEST_CARDS.threeDSecure, t("threeDSecure")],
  ];
  return (
    <section className="mt-6 rounded-md border border-dashed border-amber-300 bg-amber-50 px-4 py-3 text-sm" aria-labelledby="test-cards">
      <h2 id="test-cards" className="font-semibold text-amber-950">
        {t("title")}
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {cards.map(([number, outcome]) => (
          <li key={number} className="flex justify-between gap-3">
            <span className="font-mono">{groupCardNumber(number)}</span>
            <span className="text-amber-900">{outcome}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-amber-900">{t("hint")}</p>
    </section>
  );
}
