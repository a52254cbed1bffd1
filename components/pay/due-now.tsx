import type { Locale } from "@/i18n/catalog";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import type { PayInstalment } from "@/lib/server/pay/invoice-by-token";
import { payDate, payMoney } from "./format";
import { dueText, instalmentName } from "./instalment-label";
import { payTranslations } from "@/components/pay/translations";

/** The instalment the buyer is asked to pay now, with what is still outstanding on it. */
export async function DueNow({ locale, instalment, currency }: { locale: Locale; instalment: PayInstalment; currency: string }) {
  const t = await payTranslations(locale, "pay");
  return (
    <Card aria-labelledby="due-now-title" className="border-teal-200">
      <CardBody className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="due-now-title" className="text-sm font-medium text-slate-600">
            {t("dueNow.title")} · {instalmentName(t, instalment)}
          </h2>
          <p className="tabular mt-1 text-3xl font-semibold tracking-tight text-slate-900" data-testid="due-amount">
            {payMoney(instalment.amountMinor - instalment.paidMinor, currency, locale)}
          </p>
        </div>
        <div className="flex items-center gap-2 text-sm text-slate-700">
          <span>{dueText(t, instalment, (date) => payDate(date, locale))}</span>
          {instalment.isOverdue ? (
            <Badge tone="danger" dot>
              {t("dueNow.overdue")}
            </Badge>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
