import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountNumberFromSeed, ACCOUNT_NUMBER_DIGITS, composeReceivingDetails, type IssuingBranch } from "./compose";
import { receivingDetailRows } from "./display";
import { COLLECTION_CURRENCIES, CURRENCY_SCHEME, type CollectionCurrency } from "./schemes";
import { validateReceivingDetails } from "./validate";

const BRANCHES: Record<CollectionCurrency, IssuingBranch> = {
  USD: { bic: "QSBXUS33", bankCode: "02600999" },
  EUR: { bic: "QSBXDEFF", bankCode: "50010999" },
  GBP: { bic: "QSBXGB2L", bankCode: "QSBX", branchCode: "609999" },
  JPY: { bic: "QSBXJPJT", bankCode: "0999", branchCode: "101" },
  AUD: { bic: "QSBXAU2S", bankCode: "802999" },
  CAD: { bic: "QSBXCATT", bankCode: "999", branchCode: "00012" },
  HKD: { bic: "QSBXHKHH", bankCode: "399", branchCode: "001" },
  SGD: { bic: "QSBXSGSG", bankCode: "7999", branchCode: "001" },
  CNY: { bic: "QSBXCNSH", bankCode: "999290000019" },
};

describe("composed receiving details", () => {
  it("gives a German IBAN with its BLZ and a British IBAN with its sort code", () => {
    const eur = composeReceivingDetails("EUR", BRANCHES.EUR, "1234567890");
    expect(eur).toEqual({
      scheme: "iban",
      accountIdentifier: eur.details.iban,
      details: { iban: expect.stringMatching(/^DE\d{2}500109991234567890$/), bic: "QSBXDEFF", bankCode: "50010999", accountNumber: "1234567890" },
    });
    const gbp = composeReceivingDetails("GBP", BRANCHES.GBP, "12345678");
    expect(gbp.details).toMatchObject({ iban: expect.stringMatching(/^GB\d{2}QSBX60999912345678$/), sortCode: "609999", accountNumber: "12345678" });
    expect(receivingDetailRows(gbp.scheme, gbp.details).map((row) => [row.field, row.display])).toEqual([
      ["iban", gbp.details.iban!.replace(/(.{4})(?!$)/g, "$1 ")],
      ["sortCode", "60-99-99"],
      ["accountNumber", "12345678"],
      ["bic", "QSBXGB2L"],
    ]);
  });

  it("gives a US account a routing number with its check digit: 3·(0+0+9) + 7·(2+0+9) + (6+9) = 119 → 1", () => {
    const usd = composeReceivingDetails("USD", BRANCHES.USD, "812345678901");
    expect(usd).toEqual({ scheme: "us_ach", accountIdentifier: "812345678901", details: { routingNumber: "026009991", accountNumber: "812345678901", bic: "QSBXUS33" } });
  });

  it("validates every composed account of every currency, whatever the account number", () => {
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTION_CURRENCIES), fc.bigInt({ min: 0n, max: 10n ** 40n }), (currency, seed) => {
        const accountNumber = accountNumberFromSeed(seed, ACCOUNT_NUMBER_DIGITS[currency]);
        expect(accountNumber).toMatch(new RegExp(`^[1-9]\\d{${ACCOUNT_NUMBER_DIGITS[currency] - 1}}$`));
        const composed = composeReceivingDetails(currency, BRANCHES[currency], accountNumber);
        expect(composed.scheme).toBe(CURRENCY_SCHEME[currency]);
        expect(validateReceivingDetails(composed.scheme, composed.details)).toEqual([]);
      }),
    );
  });

  it("names what is wrong: a bad IBAN check, a sort code that disagrees with the IBAN, a routing typo, a missing BIC", () => {
    const gbp = composeReceivingDetails("GBP", BRANCHES.GBP, "12345678").details;
    const badCheck = { ...gbp, iban: gbp.iban!.slice(0, 2) + (gbp.iban!.slice(2, 4) === "00" ? "01" : "00") + gbp.iban!.slice(4) };
    expect(validateReceivingDetails("iban", badCheck)).toEqual([{ field: "iban", error: "check" }]);
    expect(validateReceivingDetails("iban", { ...gbp, sortCode: "609998" })).toEqual([{ field: "sortCode", error: "mismatch" }]);
    expect(validateReceivingDetails("iban", { ...gbp, iban: "GB82 WEST 1234 5698 7654 32" })).toEqual([{ field: "iban", error: "format" }]);
    const usd = composeReceivingDetails("USD", BRANCHES.USD, "812345678901").details;
    expect(validateReceivingDetails("us_ach", { ...usd, routingNumber: "026009992" })).toEqual([{ field: "routingNumber", error: "check" }]);
    const { bic: _bic, ...noBic } = composeReceivingDetails("HKD", BRANCHES.HKD, "123456789").details;
    expect(validateReceivingDetails("hk_local", noBic)).toEqual([{ field: "bic", error: "missing" }]);
    const cny = composeReceivingDetails("CNY", BRANCHES.CNY, "6212345678901234").details;
    expect(validateReceivingDetails("cn_cnaps", { ...cny, cnapsCode: "99929000001" })).toEqual([{ field: "cnapsCode", error: "format" }]);
    const aud = composeReceivingDetails("AUD", BRANCHES.AUD, "123456789").details;
    expect(validateReceivingDetails("au_bsb", { ...aud, bsb: "80299" })).toEqual([{ field: "bsb", error: "format" }]);
  });

  it("prints a BSB with its dash and keeps the typed value without it", () => {
    const aud = composeReceivingDetails("AUD", BRANCHES.AUD, "123456789");
    expect(receivingDetailRows(aud.scheme, aud.details)[0]).toEqual({ field: "bsb", display: "802-999", value: "802999" });
  });
});
