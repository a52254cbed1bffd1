import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameSimilarity, nameTokens } from "./name-similarity";

describe("payer name similarity", () => {
  it("ignores legal forms, case, accents and punctuation", () => {
    expect(nameTokens("Müller & Söhne GmbH")).toEqual(["muller", "sohne"]);
    expect(nameSimilarity("ACME TOOLS GMBH", "Acme Tools")).toBe(1);
    expect(nameSimilarity("NORDIC MARINE SUPPLY AB", "Nordic Marine Supply")).toBe(1);
  });

  it("stays high for a bank's truncated or address-suffixed name and low for a different company", () => {
    expect(nameSimilarity("PACIFIC RIM HARDWARE PTY LTD SYDNEY NSW", "Pacific Rim Hardware Pty Ltd")).toBeGreaterThan(0.7);
    expect(nameSimilarity("HARBOURSIDE BUILDING SUPP", "Harbourside Building Supplies Ltd")).toBeGreaterThan(0.6);
    expect(nameSimilarity("Atlas Fasteners Inc", "Baltic Timber Trading")).toBeLessThan(0.3);
    expect(nameSimilarity("", "Acme")).toBe(0);
  });

  it("property: symmetric, between 0 and 1, and 1 for a name against itself", () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z .&-]{0,30}$/);
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ab = nameSimilarity(a, b);
        expect(ab).toBe(nameSimilarity(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        if (nameTokens(a).length > 0) expect(nameSimilarity(a, a)).toBe(1);
      }),
    );
  });
});
