import { describe, expect, it } from "vitest";
import { validateBeneficiary } from "./beneficiary";

const valid = { name: "Brightside Hardware Ltd", account: "GB82 WEST 1234 5698 7654 32", bank: "WESTGB2L" };

describe("validateBeneficiary", () => {
  it("takes an IBAN in electronic form and a BIC in capitals", () => {
    expect(validateBeneficiary({ name: "  Brightside   Hardware Ltd ", account: "gb82 west 1234 5698 7654 32", bank: "westgb2l" })).toEqual({
      ok: true,
      value: { name: "Brightside Hardware Ltd", account: "GB82WEST12345698765432", accountKind: "iban", bank: "WESTGB2L", bankKind: "bic" },
    });
  });

  it("takes a domestic account number and a bank's name", () => {
    expect(validateBeneficiary({ name: "Northwind Tools Inc", account: "000123-456789", bank: "JPMorgan Chase Bank, N.A." })).toEqual({
      ok: true,
      value: { name: "Northwind Tools Inc", account: "000123456789", accountKind: "account_number", bank: "JPMorgan Chase Bank, N.A.", bankKind: "name" },
    });
  });

  it.each([
    [{ account: "GB82 WEST 1234 5698 7654 33" }, "beneficiaryAccount", "iban_check"],
    [{ account: "DE89 3704 0044 0532 0130" }, "beneficiaryAccount", "iban_format"],
    [{ account: "12" }, "beneficiaryAccount", "account_format"],
    [{ account: "ACCOUNT" }, "beneficiaryAccount", "account_format"],
    [{ account: "  " }, "beneficiaryAccount", "required"],
    [{ bank: "1234WEST" }, "beneficiaryBank", "bic_format"],
    [{ bank: "WESTQQ2L" }, "beneficiaryBank", "bic_country"],
    [{ bank: "" }, "beneficiaryBank", "required"],
    [{ name: " " }, "beneficiaryName", "required"],
    [{ name: "N".repeat(141) }, "beneficiaryName", "too_long"],
  ])("refuses %j", (change, field, code) => {
    expect(validateBeneficiary({ ...valid, ...change })).toEqual({ ok: false, issues: [{ field, code }] });
  });

  it("reports every field that is wrong", () => {
    const result = validateBeneficiary({ name: "", account: "GB00WEST12345698765432", bank: "" });
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual(["beneficiaryName", "beneficiaryAccount", "beneficiaryBank"]);
  });
});
