import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { FeeSchedule } from "@/lib/domain/fees";
import { type ExampleFees, type WorkedExample, workedExamples } from "@/lib/domain/fees/examples";
import { rateAsPercent } from "@/lib/domain/fees/rates";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { FeesTranslate } from "./display";

function caseLabel(t: FeesTranslate, example: WorkedExample, locale: Locale): string {
  const amount = example.amountMinor === null ? "" : formatMoney(example.amountMinor, example.currency, locale, { display: "code" });
  return t(`examples.cases.${example.kind}`, { amount, currency: example.currency, country: example.country ?? "" });
}

/** The total, then each line as it would be posted: "USD 90.00 = collection fee 0.6 % USD 60.00 + risk surcharge …". */
function Fees({ t, fees, currency, locale }: { t: FeesTranslate; fees: ExampleFees; currency: string; locale: Locale }) {
  const money = (minor: bigint) => formatMoney(minor, currency, locale, { display: "code" });
  if (fees.lines.length === 0) return <span className="text-slate-500">{t("examples.noFee")}</span>;
  return (
    <>
      <span className="block font-semibold text-slate-900">{money(fees.totalMinor)}</span>
      <ul className="text-xs text-slate-500">
        {fees.lines.map((line) => (
          <li key={line.type}>
            {line.rate === null
              ? t("examples.fixedLine", { fee: t(`examples.lines.${line.type}`), amount: money(line.amountMinor) })
              : t("examples.rateLine", { fee: t(`examples.lines.${line.type}`), rate: rateAsPercent(line.rate), amount: money(line.amountMinor) })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Fees on a few everyday cases under the current schedule and, beside them, the upcoming one. */
export async function WorkedExamples({ current, upcoming }: { current: FeeSchedule; upcoming: FeeSchedule | null }) {
  const t = (await getTranslations("fees")) as unknown as FeesTranslate;
  const locale = (await getLocale()) as Locale;
  const examples = workedExamples(current, upcoming);
  return (
    <Table caption={t("examples.caption")} data-testid="fee-examples">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("examples.case")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("schedule.currentColumn", { version: current.version })}</TableHeaderCell>
          {upcoming ? <TableHeaderCell numeric>{t("schedule.upcomingColumn", { version: upcoming.version })}</TableHeaderCell> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {examples.map((example) => (
          <TableRow key={example.kind} data-testid={`fee-example-${example.kind}`}>
            <th scope="row" className="px-4 py-3 text-left text-sm font-medium text-slate-800">
              {caseLabel(t, example, locale)}
            </th>
            <TableCell numeric>
              <Fees t={t} fees={example.current} currency={example.currency} locale={locale} />
            </TableCell>
            {example.upcoming ? (
              <TableCell numeric>
                <Fees t={t} fees={example.upcoming} currency={example.currency} locale={locale} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
