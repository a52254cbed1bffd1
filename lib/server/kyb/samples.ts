/** Sample data that passes every KYB check, for tests and the demo seed. */
import { computeUsccCheck } from "@/lib/domain/kyb";

export function usccFor(first17: string): string {
  return first17 + computeUsccCheck(first17);
}

export function sampleCompany(overrides: Record<string, unknown> = {}) {
  return {
    legalNameZh: "宁波测试五金有限公司",
    legalNameEn: "Ningbo Test Hardware Co., Ltd.",
    uscc: usccFor("91330200MA2H5KQR1"),
    registeredAddress: "浙江省宁波市北仑区新碶街道明州路 88 号",
    establishedOn: "2012-05-18",
    businessScope: "五金制品、紧固件的制造与销售；货物进出口。",
    customsCode: "3302960ABC",
    industry: "hardware_tools",
    website: "https://test-hardware.example",
    expectedMonthlyVolume: "1,500,000",
    currencies: ["USD", "EUR"],
    buyerCountries: "US, DE",
    ...overrides,
  };
}

export const sampleLegalRepresentative = { name: "张伟", idType: "prc_resident_id", idNumber: "11010519491231002X", nationality: "CN" };

export const sampleOwners = {
  owners: [
    { name: "张伟", idType: "prc_resident_id", idNumber: "11010519491231002X", nationality: "CN", sharePercent: "60" },
    { name: "Maria Rossi", idType: "passport", idNumber: "YA1234567", nationality: "IT", sharePercent: "30" },
  ],
};

export function sampleBankAccount(overrides: Record<string, unknown> = {}) {
  return {
    bankName: "中国银行",
    branchName: "宁波北仑支行",
    accountHolder: "宁波测试五金有限公司",
    accountNumber: "3581 2000 1234 5678",
    cnaps: "104332004012",
    foreignCurrency: true,
    foreignBankCountry: "CN",
    swiftBic: "BKCHCNBJ92A",
    iban: "",
    ...overrides,
  };
}

/** The smallest valid PNG (1×1) and PDF, as their magic bytes are what counts. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);
export const TINY_PDF = Uint8Array.from(
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  ),
);
