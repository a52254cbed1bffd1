import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  crossRate,
  customerRate,
  DEFAULT_PRICING,
  ecbAsOf,
  EcbFormatError,
  isQuoteExpired,
  isStale,
  parseEcbXml,
  priceQuote,
  pricingProblem,
  quoteExpiresAt,
  RateBook,
  secondsLeft,
  tierFor,
  withMinDigits,
  type Clock,
  type Pricing,
} from ".";

const NO_SPREAD: Pricing = { tiers: [{ fromCnyMinor: 0n, spreadBps: 0, feeBps: 0 }] };
const at = (iso: string) => new Date(iso);

describe("cross rates", () => {
  it("goes through EUR exactly: USD→CNY = CNY per EUR ÷ USD per EUR", () => {
    expect(crossRate("1.1580", "8.2315")).toBe("7.10837651122625216");
    expect(crossRate("1.25", "8")).toBe("6.4");
    // Never in exponent form, however small.
    expect(crossRate("19245", "1.158")).toBe("0.000060171473109898675");
  });

  it("resolves direct, inverse and cross pairs, the newest winning, with at least 12 digits printed", () => {
    const old = at("2026-11-25T15:00:00Z");
    const fresh = at("2026-11-26T15:00:00Z");
    const book = new RateBook([
      { base: "EUR", quote: "USD", rate: "1.1580", asOf: fresh, source: "ecb" },
      { base: "EUR", quote: "CNY", rate: "8.2315", asOf: old, source: "ecb" },
      { base: "EUR", quote: "CNY", rate: "8.2000", asOf: at("2026-11-20T15:00:00Z"), source: "ecb" },
      { base: "EUR", quote: "JPY", rate: "172.45", asOf: fresh, source: "ecb" },
    ]);
    const usdCny = book.resolve("USD", "CNY")!;
    expect(usdCny).toMatchObject({ mid: "7.10837651122625216", via: "cross", source: "ecb" });
    expect(usdCny.asOf).toEqual(old); // the older leg's age
    expect(book.resolve("EUR", "USD")).toMatchObject({ mid: "1.158", via: "direct" });
    expect(book.resolve("USD", "EUR")).toMatchObject({ via: "inverse", mid: "0.863557858376511226" });
    expect(book.resolve("USD", "XYZ")).toBeNull();
    expect(withMinDigits(book.resolve("EUR", "USD")!.mid)).toBe("1.15800000000");
    expect(withMinDigits(usdCny.mid).replace(/\D/g, "").replace(/^0+/, "").length).toBeGreaterThanOrEqual(12);

    // A newer hand-entered direct rate wins over the cross.
    const manual = new RateBook([
      { base: "EUR", quote: "USD", rate: "1.1580", asOf: old, source: "ecb" },
      { base: "EUR", quote: "CNY", rate: "8.2315", asOf: old, source: "ecb" },
      { base: "USD", quote: "CNY", rate: "7.12", asOf: fresh, source: "manual" },
    ]);
    expect(manual.resolve("USD", "CNY")).toMatchObject({ mid: "7.12", source: "manual", via: "direct" });
    expect(manual.currencies()).toEqual(["CNY", "EUR", "USD"]);
  });

  it("calls a rate stale past the configured age", () => {
    const asOf = at("2026-11-20T15:00:00Z");
    expect(isStale(asOf, at("2026-11-25T14:00:00Z"))).toBe(false);
    expect(isStale(asOf, at("2026-11-25T15:00:01Z"))).toBe(true);
    expect(isStale(asOf, at("2026-11-20T16:00:01Z"), 3_600_000)).toBe(true);
  });
});

describe("spreads and tiers", () => {
  const pricing: Pricing = {
    tiers: [
      { fromCnyMinor: 0n, spreadBps: 50, feeBps: 10 },
      { fromCnyMinor: 5_000_000n, spreadBps: 30, feeBps: 0 },
      { fromCnyMinor: 50_000_000n, spreadBps: 15, feeBps: 0 },
    ],
  };

  it("picks the tier by CNY equivalent, bounds inclusive", () => {
    expect(tierFor(pricing, 0n).spreadBps).toBe(50);
    expect(tierFor(pricing, 4_999_999n).spreadBps).toBe(50);
    expect(tierFor(pricing, 5_000_000n).spreadBps).toBe(30);
    expect(tierFor(pricing, 10n ** 12n).spreadBps).toBe(15);
    expect(tierFor(DEFAULT_PRICING, 10_000_000n).spreadBps).toBe(30);
  });

  it("refuses tiers that do not start at zero, do not rise, or price out of range", () => {
    expect(pricingProblem(pricing.tiers)).toBeNull();
    expect(pricingProblem([])).toBe("no_tiers");
    expect(pricingProblem([{ fromCnyMinor: 1n, spreadBps: 1, feeBps: 0 }])).toBe("first_tier_not_zero");
    expect(pricingProblem([pricing.tiers[0]!, { fromCnyMinor: 0n, spreadBps: 1, feeBps: 0 }])).toBe("tiers_not_increasing");
    expect(pricingProblem([{ fromCnyMinor: 0n, spreadBps: 1001, feeBps: 0 }])).toBe("spread_out_of_range");
    expect(pricingProblem([{ fromCnyMinor: 0n, spreadBps: 1, feeBps: -1 }])).toBe("fee_out_of_range");
    expect(pricingProblem([{ fromCnyMinor: 0n, spreadBps: 1.5, feeBps: 0 }])).toBe("spread_out_of_range");
  });

  it("takes the spread off the mid and the fee on top of the amount sold", () => {
    expect(customerRate("7.10837651122625216", 50)).toBe("7.07283462867");
    const price = priceQuote({ sellCurrency: "USD", buyCurrency: "CNY", side: "sell", amountMinor: 100_000n }, "7.1", pricing, 710_000n);
    expect(price).toMatchObject({
      customerRate: "7.0645",
      spreadBps: 50,
      feeBps: 10,
      sellAmountMinor: 100_000n,
      feeMinor: 100n,
      sellTotalMinor: 100_100n,
      buyAmountMinor: 706_450n,
    });
  });

  it("delivers exactly the amount asked for on the buy side", () => {
    const price = priceQuote({ sellCurrency: "USD", buyCurrency: "CNY", side: "buy", amountMinor: 1_000_000n }, "7.1", NO_SPREAD, 1_000_000n);
    expect(price.buyAmountMinor).toBe(1_000_000n);
    // 10,000.00 CNY ÷ 7.1 = 1,408.4507… USD → 1,408.46 (rounded up: the platform never under-collects)
    expect(price.sellAmountMinor).toBe(140_846n);
  });

  it("refuses a conversion into the same currency or too small to be worth a minor unit", () => {
    expect(() => priceQuote({ sellCurrency: "USD", buyCurrency: "USD", side: "sell", amountMinor: 1n }, "1", NO_SPREAD, 0n)).toThrow("fx_same_currency");
    expect(() => priceQuote({ sellCurrency: "KRW", buyCurrency: "USD", side: "sell", amountMinor: 1n }, "0.00068", NO_SPREAD, 0n)).toThrow("fx_amount_too_small");
  });
});

describe("rounding at each currency's minor units", () => {
  it("rounds JPY (no decimals) half-even", () => {
    // 100.00 USD × 150.125 = 15,012.5 JPY → 15,012 (even)
    expect(priceQuote({ sellCurrency: "USD", buyCurrency: "JPY", side: "sell", amountMinor: 10_000n }, "150.125", NO_SPREAD, 0n).buyAmountMinor).toBe(15_012n);
    // 100.01 USD × 150.125 = 15,014.00125 → 15,014
    expect(priceQuote({ sellCurrency: "USD", buyCurrency: "JPY", side: "sell", amountMinor: 10_001n }, "150.125", NO_SPREAD, 0n).buyAmountMinor).toBe(15_014n);
    // 1,001 JPY × 0.0066625 = 6.6691625 USD → 6.67
    expect(priceQuote({ sellCurrency: "JPY", buyCurrency: "USD", side: "sell", amountMinor: 1_001n }, "0.0066625", NO_SPREAD, 0n).buyAmountMinor).toBe(667n);
  });

  it("rounds KWD (three decimals) half-even", () => {
    // 1,000.00 USD × 0.3072125 = 307.2125 KWD → 307.212 (even)
    expect(priceQuote({ sellCurrency: "USD", buyCurrency: "KWD", side: "sell", amountMinor: 100_000n }, "0.3072125", NO_SPREAD, 0n).buyAmountMinor).toBe(307_212n);
    // Buying 1.000 KWD at 0.3 USD→KWD costs 3.333… USD → 3.34 (buy side rounds up)
    expect(priceQuote({ sellCurrency: "USD", buyCurrency: "KWD", side: "buy", amountMinor: 1_000n }, "0.3", NO_SPREAD, 0n).sellAmountMinor).toBe(334n);
    // 1.005 KWD × 1 JPY-per-… into JPY: 1.005 × 490.5 = 492.9525 → 493
    expect(priceQuote({ sellCurrency: "KWD", buyCurrency: "JPY", side: "sell", amountMinor: 1_005n }, "490.5", NO_SPREAD, 0n).buyAmountMinor).toBe(493n);
  });
});

describe("buy side rounds the sold amount up, toward the platform", () => {
  const buy = (sellCurrency: string, buyCurrency: string, amountMinor: bigint, mid: string) =>
    priceQuote({ sellCurrency, buyCurrency, side: "buy", amountMinor }, mid, NO_SPREAD, 0n).sellAmountMinor;

  it("rounds a fractional minor unit up even below the half", () => {
    // 1.00 CNY ÷ 7.1 = 0.14084… USD → 0.15 (half-even: 0.14)
    expect(buy("USD", "CNY", 100n, "7.1")).toBe(15n);
  });

  it("into JPY (no decimals) and from JPY", () => {
    // Buying 1 JPY at 150 JPY per USD: 0.00666… USD → 0.01
    expect(buy("USD", "JPY", 1n, "150")).toBe(1n);
    // Buying 1,000 JPY at 150.125: 6.66111… USD → 6.67 (half-even: 6.66)
    expect(buy("USD", "JPY", 1_000n, "150.125")).toBe(667n);
    // Buying 1.00 USD selling JPY at 0.0066625 USD per JPY: 150.0938… JPY → 151 (half-even: 150)
    expect(buy("JPY", "USD", 100n, "0.0066625")).toBe(151n);
    // An exact result is not rounded: 3.00 USD at 0.0075 = 400 JPY
    expect(buy("JPY", "USD", 300n, "0.0075")).toBe(400n);
  });

  it("into and from KWD (three decimals)", () => {
    // Buying 0.100 KWD at 0.3072125 KWD per USD: 0.32550… USD → 0.33
    expect(buy("USD", "KWD", 100n, "0.3072125")).toBe(33n);
    // Buying 100.00 USD selling KWD at 3.2551 USD per KWD: 30.72102… KWD → 30.722 (half-even: 30.721)
    expect(buy("KWD", "USD", 10_000n, "3.2551")).toBe(30_722n);
    // Exact: 2.00 USD at 4 USD per KWD = 0.500 KWD
    expect(buy("KWD", "USD", 200n, "4")).toBe(500n);
  });
});

describe("quote expiry with an injected clock", () => {
  it("holds for 30 s by default, expiring at the instant itself", () => {
    let now = at("2026-11-27T08:00:00.000Z");
    const clock: Clock = () => now;
    const expiresAt = quoteExpiresAt(clock());
    expect(expiresAt).toEqual(at("2026-11-27T08:00:30.000Z"));
    expect(secondsLeft(expiresAt, clock())).toBe(30);
    now = at("2026-11-27T08:00:29.001Z");
    expect(isQuoteExpired(expiresAt, clock())).toBe(false);
    expect(secondsLeft(expiresAt, clock())).toBe(1);
    now = at("2026-11-27T08:00:30.000Z");
    expect(isQuoteExpired(expiresAt, clock())).toBe(true);
    expect(secondsLeft(expiresAt, clock())).toBe(0);
    expect(quoteExpiresAt(clock(), 5_000)).toEqual(at("2026-11-27T08:00:35.000Z"));
  });
});

describe("ECB files", () => {
  const file = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../../data/ecb", name), "utf8");

  it("reads the daily file", () => {
    const days = parseEcbXml(file("eurofxref-daily.xml"));
    expect(days).toHaveLength(1);
    expect(days[0]!.date).toBe("2026-11-26");
    expect(days[0]!.rates).toMatchObject({ USD: "1.158", JPY: "172.45", CNY: "8.2315", GBP: "0.8712" });
    expect(Object.keys(days[0]!.rates).length).toBeGreaterThanOrEqual(25);
  });

  it("reads the 90-day history, oldest first, business days only", () => {
    const days = parseEcbXml(file("eurofxref-hist-90d.xml"));
    expect(days.length).toBeGreaterThan(60);
    expect(days.at(-1)!.date).toBe("2026-11-26");
    expect(days[0]!.date < days[1]!.date).toBe(true);
    expect(days.every((day) => ![0, 6].includes(new Date(`${day.date}T12:00:00Z`).getUTCDay()))).toBe(true);
  });

  it("stamps a day at 16:00 Frankfurt time, summer or winter", () => {
    expect(ecbAsOf("2026-11-26")).toEqual(at("2026-11-26T15:00:00Z"));
    expect(ecbAsOf("2026-08-28")).toEqual(at("2026-08-28T14:00:00Z"));
  });

  const envelope = (inner: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube>${inner}</Cube></gesmes:Envelope>`;

  it.each([
    ["not XML", "hello"],
    ["unclosed", envelope("<Cube time='2026-11-26'><Cube currency='USD' rate='1.1'/>")],
    ["another document", `<?xml version="1.0"?><rates><rate/></rates>`],
    ["no days", envelope("")],
    ["a bad date", envelope("<Cube time='2026-02-30'><Cube currency='USD' rate='1.1'/></Cube>")],
    ["a bad rate", envelope("<Cube time='2026-11-26'><Cube currency='USD' rate='-1.1'/></Cube>")],
    ["an exponent rate", envelope("<Cube time='2026-11-26'><Cube currency='USD' rate='1e3'/></Cube>")],
    ["a bad currency", envelope("<Cube time='2026-11-26'><Cube currency='usd' rate='1.1'/></Cube>")],
    ["a day twice", envelope("<Cube time='2026-11-26'><Cube currency='USD' rate='1.1'/></Cube><Cube time='2026-11-26'><Cube currency='USD' rate='1.1'/></Cube>")],
  ])("refuses a malformed file: %s", (_, xml) => {
    expect(() => parseEcbXml(xml)).toThrow(EcbFormatError);
  });

  it("refuses a DTD and entities without expanding them", () => {
    const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>${envelope("<Cube time='2026-11-26'><Cube currency='USD' rate='1.1'/></Cube>").replace(/^<\?xml[^>]*>/, "")}`;
    expect(() => parseEcbXml(billionLaughs)).toThrow(/DTD/);
    const external = `<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>`;
    expect(() => parseEcbXml(external)).toThrow(EcbFormatError);
  });
});
