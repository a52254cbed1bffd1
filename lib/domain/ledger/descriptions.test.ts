import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/catalog";
import { describeEntry, ENTRY_DESCRIPTIONS, entryDescription, type EntryDescriptionKey, MAX_DESCRIPTION_LENGTH, readEntryDescription } from "./descriptions";

const KEYS = Object.keys(ENTRY_DESCRIPTIONS) as EntryDescriptionKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
const describe_ = describeEntry as (key: EntryDescriptionKey, params?: Record<string, string>) => string;

// A value never holds a word of the templates' fixed text (the separators), so it cannot be read another way.
const TEMPLATE_WORDS = new Set(KEYS.flatMap((key) => ENTRY_DESCRIPTIONS[key].replace(/\{\w+\}/g, " ").split(/\W+/)));
const word = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/).filter((text) => !TEMPLATE_WORDS.has(text));
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" "));

/** Values for a template's placeholders; one that follows another with only a space between is a single word. */
function paramsOf(key: EntryDescriptionKey) {
  const pieces = ENTRY_DESCRIPTIONS[key].split(/\{(\w+)\}/);
  const shapes = Object.fromEntries(
    pieces.flatMap((name, index) => (index % 2 === 1 ? [[name, index > 1 && pieces[index - 1]!.trim() === "" ? word : words]] : [])),
  );
  return fc.record(shapes);
}

describe("ledger entry descriptions", () => {
  it("reads every template back to its key and values", () => {
    for (const key of KEYS) {
      fc.assert(
        fc.property(paramsOf(key), (params) => {
          expect(readEntryDescription(describe_(key, params))).toEqual({ key, params });
        }),
      );
    }
  });

  it("writes the texts the ledger has always posted", () => {
    expect(describeEntry("incomingTransferFrom", { payer: "ACME Ltd", bankRef: "BR-1" })).toBe("Incoming transfer from ACME Ltd · BR-1");
    expect(describeEntry("payout", { amount: "CNY 1000.00", bank: "Bank of China", last4: "1234" })).toBe("Payout of CNY 1000.00 to Bank of China 1234");
    expect(describeEntry("unmatched")).toBe("Unmatched");
  });

  it("prefers the template with the most fixed text", () => {
    expect(readEntryDescription("Card payment pi_1 cleared")).toEqual({ key: "cardPaymentCleared", params: { reference: "pi_1" } });
    expect(readEntryDescription("Settlement: USD 1.00 → CNY 7.10 @ 7.1")?.key).toBe("settlementConversion");
    expect(readEntryDescription(describeEntry("payoutFailed", { reason: "Failed at the bank" }))).toEqual({ key: "payoutFailedAtBank", params: {} });
    expect(readEntryDescription("Payout of CNY 1.00 to Bank of China 1234")?.params).toEqual({ amount: "CNY 1.00", bank: "Bank of China", last4: "1234" });
  });

  it("reads nothing from text no template made", () => {
    for (const text of ["", "Opening balance", "Unmatched USD receipt", "Dispute decided: maybe (D-1)", "Incoming transfer", "unmatched"]) {
      expect(readEntryDescription(text)).toBeNull();
    }
  });

  it("gives a stored description through the translator, and text no template made as stored", () => {
    const translate = (key: string, values?: Record<string, string>) => `${key} ${JSON.stringify(values ?? {})}`;
    expect(entryDescription(translate, "Payment BR-1 applied to INV-7")).toBe('entryDescriptions.paymentApplied {"bankRef":"BR-1","invoice":"INV-7"}');
    expect(entryDescription(translate, "Opening balance carried over")).toBe("Opening balance carried over");
  });

  it("cuts a description to its longest, and reads a cut one as nothing (shown as stored)", () => {
    const text = describeEntry("buyerRefund", { amount: "USD 1.00", buyer: "B".repeat(300) });
    expect(text).toHaveLength(MAX_DESCRIPTION_LENGTH);
    expect(text.startsWith("Refund of USD 1.00 to BBB")).toBe(true);
    expect(readEntryDescription(text)).toBeNull();
    const longBank = describeEntry("payout", { amount: "CNY 1.00", bank: `Bank ${"of China ".repeat(30)}`, last4: "1234" });
    expect(readEntryDescription(longBank)).toBeNull();
  });

  it("has a message in each language with the template's placeholders, the English one the template itself", async () => {
    const [en, zh] = await Promise.all([loadMessages("en"), loadMessages("zh-CN")]);
    const messages = (catalog: typeof en) => (catalog.balances as { entryDescriptions: Record<string, string> }).entryDescriptions;
    expect(Object.keys(messages(en)).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect(messages(en)[key]).toBe(ENTRY_DESCRIPTIONS[key]);
      expect(placeholders(messages(zh)[key]!).sort()).toEqual(placeholders(ENTRY_DESCRIPTIONS[key]).sort());
    }
  });
});
