import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { SuggestionReason } from "@/lib/domain/matching";
import { formatMoney, type Locale } from "@/lib/domain/money";

/** Why an invoice is suggested, one small badge per reason. */
export async function SuggestionReasons({ reasons, currency }: { reasons: SuggestionReason[]; currency: string }) {
  const t = await getTranslations("matching.suggestions.reasons");
  const locale = (await getLocale()) as Locale;
  const text = (reason: SuggestionReason) => {
    switch (reason.code) {
      case "amount_equals_instalment":
        return t(reason.code, { label: reason.label });
      case "amount_close":
        return t(reason.code, { difference: formatMoney(reason.differenceMinor, currency, locale) });
      case "name_similar":
        return t(reason.code, { percent: Math.round(reason.similarity * 100) });
      case "due_date_near":
        return t(reason.code, { days: reason.days });
      default:
        return t(reason.code);
    }
  };
  return (
    <ul className="flex flex-wrap gap-1.5">
      {reasons.map((reason) => (
        <li key={reason.code}>
          <Badge tone={reason.code === "currency_differs" ? "warning" : "info"}>{text(reason)}</Badge>
        </li>
      ))}
    </ul>
  );
}
