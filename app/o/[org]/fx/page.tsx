import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SecondFactorGate } from "@/components/account/second-factor-gate";
import { BalanceCards } from "@/components/balances/balance-cards";
import { ConversionTable } from "@/components/fx/conversion-table";
import { displayRate } from "@/components/fx/display";
import { QuoteCountdown } from "@/components/fx/quote-countdown";
import { QuoteForm, type QuoteDefaults } from "@/components/fx/quote-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { secondsLeft } from "@/lib/domain/fx/expiry";
import { bpsPercent } from "@/lib/domain/fx/pricing";
import { formatMoney, isCurrencyCode, toDecimalString } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { organizationBalances } from "@/lib/server/balances/queries";
import { listConversions, organizationConversion } from "@/lib/server/fx/history";
import { organizationQuote } from "@/lib/server/fx/quotes";
import { loadRateBook } from "@/lib/server/fx/rates";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export const dynamic = "force-dynamic";

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function FxPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const search = await searchParams;
  const { viewer, organization, membership } = await requireOrgMember(org);
  const t = await getTranslations("fx");
  const common = await getTranslations("common");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const quoteId = one(search.quote);
  const convertedId = one(search.converted);
  const [balances, book, recent, quote, converted] = await Promise.all([
    organizationBalances(organization.id),
    loadRateBook(),
    listConversions(organization.id, {}, undefined, 5),
    quoteId ? organizationQuote(organization.id, quoteId) : Promise.resolve(null),
    convertedId ? organizationConversion(organization.id, convertedId) : Promise.resolve(null),
  ]);
  const canConvert = MONEY_ROLES.includes(membership.role);
  const enrolled = Boolean(viewer.user.totpEnabledAt);
  const fresh = enrolled && hasFreshSecondFactor(viewer.session);
  const currencies = [...new Set([...book.currencies(), ...balances.map((b) => b.currency)])].filter(isCurrencyCode).sort();
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale, { display: "code" });
  const source = (name: string) => (t.has(`sources.${name}`) ? t(`sources.${name}`) : name);

  const defaults: QuoteDefaults = quote
    ? {
        sellCurrency: quote.sellCurrency,
        buyCurrency: quote.buyCurrency,
        side: quote.side === "buy" ? "buy" : "sell",
        amount: quote.side === "buy" ? toDecimalString(quote.buyAmountMinor, quote.buyCurrency) : toDecimalString(quote.sellAmountMinor, quote.sellCurrency),
      }
    : { sellCurrency: currencies.includes("USD") ? "USD" : (currencies[0] ?? ""), buyCurrency: currencies.includes("CNY") ? "CNY" : (currencies[1] ?? ""), side: "sell", amount: "" };

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`/o/${org}/exposure`} className="text-sm font-medium text-teal-800 hover:underline">
            {common("nav.exposure")}
          </Link>
        }
      />
      {converted ? (
        <Alert tone="success">{t("converted", { sold: money(converted.sellTotalMinor, converted.sellCurrency), bought: money(converted.buyAmountMinor, converted.buyCurrency) })}</Alert>
      ) : null}
      <section aria-label={t("balancesTitle")}>
        <BalanceCards balances={balances} />
      </section>

      {canConvert && quoteId ? (
        <Card>
          <CardHeader title={t("offer.title")} description={quote ? t("offer.description", { sell: quote.sellCurrency, buy: quote.buyCurrency }) : undefined} />
          <CardBody className="flex flex-col gap-4">
            {!quote ? (
              <Alert tone="error">{t("offer.notFound")}</Alert>
            ) : (
              <>
                <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="quote">
                  <div>
                    <dt className="text-slate-500">{t("offer.youSell")}</dt>
                    <dd className="tabular text-lg font-semibold text-slate-900">{money(quote.sellAmountMinor, quote.sellCurrency)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("offer.youGet")}</dt>
                    <dd className="tabular text-lg font-semibold text-emerald-800" data-testid="quote-receive">{money(quote.buyAmountMinor, quote.buyCurrency)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("offer.youPay", { currency: quote.sellCurrency })}</dt>
                    <dd className="tabular text-lg font-semibold text-slate-900">{money(quote.sellTotalMinor, quote.sellCurrency)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("offer.mid")}</dt>
                    <dd className="tabular text-slate-900">
                      1 {quote.sellCurrency} = {displayRate(quote.mid)} {quote.buyCurrency}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("offer.customerRate")}</dt>
                    <dd className="tabular font-medium text-slate-900">
                      1 {quote.sellCurrency} = {displayRate(quote.customerRate)} {quote.buyCurrency}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">
                      {t("offer.spread")} / {t("offer.fee")}
                    </dt>
                    <dd className="tabular text-slate-900">
                      {bpsPercent(quote.spreadBps)} % / {quote.feeMinor > 0n ? `${money(quote.feeMinor, quote.sellCurrency)} (${bpsPercent(quote.feeBps)} %)` : t("offer.noFee")}
                    </dd>
                  </div>
                </dl>
                <p className="text-xs text-slate-500">
                  {t("offer.rateAsOf", { time: format.dateTime(quote.rateAsOf, { dateStyle: "medium", timeStyle: "short", timeZone: organization.timezone }), source: source(quote.rateSource) })}
                </p>
                {quote.acceptedAt ? (
                  <Alert tone="info">{t("offer.accepted")}</Alert>
                ) : (
                  <QuoteCountdown
                    org={org}
                    quoteId={quote.id}
                    expiresAt={quote.expiresAt.toISOString()}
                    initialSecondsLeft={secondsLeft(quote.expiresAt, new Date())}
                    requote={defaults}
                    canAccept={fresh}
                  />
                )}
              </>
            )}
          </CardBody>
        </Card>
      ) : null}

      {canConvert ? (
        <Card>
          <CardHeader title={t("quote.title")} description={t("quote.description")} />
          <CardBody className="flex flex-col gap-6">
            <SecondFactorGate
              enrolled={enrolled}
              fresh={fresh}
              text={{ enrollFirst: t("offer.enrollFirst"), security: common("nav.security"), stepUpTitle: t("offer.stepUpTitle"), stepUpDescription: t("offer.stepUpDescription") }}
            />
            <QuoteForm org={org} currencies={currencies} defaults={defaults} />
          </CardBody>
        </Card>
      ) : (
        <Alert tone="info">{t("quote.viewerNote")}</Alert>
      )}

      <Card>
        <CardHeader
          title={t("history.recent")}
          actions={
            <Link href={`/o/${org}/fx/conversions`} className="text-sm font-medium text-teal-800 hover:underline">
              {t("history.all")}
            </Link>
          }
        />
        <ConversionTable rows={recent.rows} timeZone={organization.timezone} caption={t("history.recent")} />
      </Card>
    </div>
  );
}
