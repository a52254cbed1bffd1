import { z } from "zod";
import {
  countryUsesIban,
  validateBeneficialOwners,
  validateBic,
  validateCnaps,
  validateIban,
  validatePassportNumber,
  validatePrcResidentId,
  validateUscc,
} from "@/lib/domain/kyb";
import { ID_TYPES, INDUSTRIES, MAX_BENEFICIAL_OWNERS, SETTLEMENT_CURRENCIES } from "@/lib/domain/kyb/fields";
import { parseAmount, toDecimalString } from "@/lib/domain/money";

/**
 * The sections of a KYB application as zod schemas: the guard turns their issues into translated field errors
 * (`errors.validation.<code>`), so a wrong USCC is refused before anything is written. The same schemas check the
 * stored sections again at submission.
 */

const required = (max: number) => z.string().trim().min(1, "validation.required").max(max);
const optional = (max: number) => z.string().trim().max(max).default("");

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
/** An ISO 3166-1 alpha-2 code that names a real region. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

const country = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine(isCountryCode, "validation.kyb_country");

/** "US, DE GB" or ["US", "DE"] → ["US", "DE", "GB"] (upper case, no repeats). */
const countryList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    [...new Set((Array.isArray(value) ? value.join(",") : value).split(/[\s,，;；、]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))],
  )
  .superRefine((codes, ctx) => {
    if (codes.length === 0) ctx.addIssue({ code: "custom", message: "validation.kyb_country_required" });
    else if (codes.some((code) => !isCountryCode(code))) ctx.addIssue({ code: "custom", message: "validation.kyb_country" });
  });

const stringArray = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : value ? [value] : []));

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.kyb_date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "validation.kyb_date")
  .refine((value) => value <= new Date().toISOString().slice(0, 10), "validation.kyb_future_date");

const amountCny = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseAmount(value, "CNY", { allowNegative: false, allowZero: false });
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error === "empty" ? "validation.required" : "validation.kyb_amount" });
      return z.NEVER;
    }
    return toDecimalString(parsed.amountMinor, "CNY");
  });

export const companySchema = z.object({
  legalNameZh: required(200),
  legalNameEn: required(200),
  uscc: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const result = validateUscc(value);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: `validation.${result.error}` });
        return z.NEVER;
      }
      return result.value;
    }),
  registeredAddress: required(500),
  establishedOn: isoDate,
  businessScope: required(2000),
  /** China Customs registration code (海关编码): 10 letters or digits, when the company has one. */
  customsCode: optional(10).refine((value) => value === "" || /^[0-9A-Z]{10}$/i.test(value), "validation.kyb_customs_code"),
  industry: z.enum(INDUSTRIES, "validation.choice"),
  website: optional(300).refine((value) => value === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value), "validation.kyb_url"),
  expectedMonthlyVolume: amountCny,
  currencies: stringArray.pipe(z.array(z.enum(SETTLEMENT_CURRENCIES, "validation.choice")).min(1, "validation.kyb_currency_required")),
  buyerCountries: countryList,
});
export type CompanySection = z.output<typeof companySchema>;

function identityIssue(idType: string, idNumber: string): { value?: string; error?: string } {
  if (idType === "prc_resident_id") {
    const result = validatePrcResidentId(idNumber);
    return result.ok ? { value: result.value } : { error: result.error };
  }
  const result = validatePassportNumber(idNumber);
  return result.ok ? { value: result.value } : { error: result.error };
}

const person = z
  .object({
    name: required(200),
    idType: z.enum(ID_TYPES, "validation.choice"),
    idNumber: z.string().trim().min(1, "validation.required").max(40),
    nationality: country,
  })
  .transform((person, ctx) => {
    const checked = identityIssue(person.idType, person.idNumber);
    if (checked.error) {
      ctx.addIssue({ code: "custom", message: `validation.${checked.error}`, path: ["idNumber"] });
      return z.NEVER;
    }
    if (person.idType === "prc_resident_id" && person.nationality !== "CN") {
      ctx.addIssue({ code: "custom", message: "validation.kyb_resident_id_nationality", path: ["nationality"] });
      return z.NEVER;
    }
    return { ...person, idNumber: checked.value! };
  });

export const legalRepresentativeSchema = person;
export type LegalRepresentativeSection = z.output<typeof legalRepresentativeSchema>;

const owner = z.intersection(person, z.object({ sharePercent: z.string().trim().min(1, "validation.required").max(10) }));

export const beneficialOwnersSchema = z
  .object({ owners: z.array(z.unknown()).max(MAX_BENEFICIAL_OWNERS).default([]) })
  .transform((input) => ({
    // Rows the applicant left entirely empty are not owners.
    owners: input.owners.filter(
      (row) =>
        typeof row === "object" &&
        row !== null &&
        (["name", "idNumber", "nationality", "sharePercent"] as const).some((key) => {
          const value = (row as Record<string, unknown>)[key];
          return typeof value === "string" && value.trim() !== "";
        }),
    ),
  }))
  .pipe(z.object({ owners: z.array(owner).max(MAX_BENEFICIAL_OWNERS) }))
  .superRefine((input, ctx) => {
    const shares = validateBeneficialOwners(input.owners);
    if (!shares.ok) {
      ctx.addIssue({
        code: "custom",
        message: `validation.${shares.error}`,
        path: shares.index === undefined ? ["owners"] : ["owners", shares.index, "sharePercent"],
      });
    }
  });
export type BeneficialOwnersSection = z.output<typeof beneficialOwnersSchema>;

export const bankAccountSchema = z
  .object({
    bankName: required(200),
    branchName: required(200),
    accountHolder: required(200),
    /** A Chinese settlement account: 8 to 30 digits (spaces and dashes as typed are dropped). */
    accountNumber: z
      .string()
      .transform((value) => value.replace(/[\s-]/g, ""))
      .refine((value) => /^\d{8,30}$/.test(value), "validation.kyb_account_number"),
    cnaps: z.string().trim().transform((value, ctx) => {
      const result = validateCnaps(value);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: `validation.${result.error}` });
        return z.NEVER;
      }
      return result.value;
    }),
    foreignCurrency: z.union([z.boolean(), z.literal("true"), z.literal("false"), z.literal("on")]).default(false).transform((value) => value === true || value === "true" || value === "on"),
    /** Where the foreign-currency account is held (its IBAN rule depends on it). */
    foreignBankCountry: z.string().trim().toUpperCase().default(""),
    swiftBic: z.string().trim().toUpperCase().default(""),
    iban: z.string().trim().toUpperCase().default(""),
  })
  .transform((input, ctx) => {
    if (!input.foreignCurrency) return { ...input, foreignBankCountry: "", swiftBic: "", iban: "" };
    let ok = true;
    const fail = (path: string, message: string) => {
      ctx.addIssue({ code: "custom", message, path: [path] });
      ok = false;
    };
    if (!isCountryCode(input.foreignBankCountry)) fail("foreignBankCountry", "validation.kyb_country");
    let swiftBic = input.swiftBic;
    if (!swiftBic) fail("swiftBic", "validation.kyb_bic_required");
    else {
      const bic = validateBic(swiftBic);
      if (!bic.ok) fail("swiftBic", `validation.${bic.error}`);
      else swiftBic = bic.value;
    }
    let iban = input.iban.replace(/\s/g, "");
    if (ok && countryUsesIban(input.foreignBankCountry)) {
      if (!iban) fail("iban", "validation.kyb_iban_required");
      else {
        const checked = validateIban(iban);
        if (!checked.ok) fail("iban", `validation.${checked.error}`);
        else if (checked.country !== input.foreignBankCountry) fail("iban", "validation.kyb_iban_country_mismatch");
        else iban = checked.value;
      }
    } else if (ok) {
      iban = "";
    }
    return ok ? { ...input, swiftBic, iban } : z.NEVER;
  });
export type BankAccountSection = z.output<typeof bankAccountSchema>;
