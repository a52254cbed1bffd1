import { describe, expect, it } from "vitest";
import { parseCardEvent, serializeCardEvent, type CardEvent } from "./card-event";

const event: CardEvent = {
  id: "evt_pi_abc123",
  type: "payment_intent.succeeded",
  created: 1_767_225_600,
  intent: { id: "pi_abc123", amountMinor: 9_007_199_254_740_993n, currency: "USD", declineCode: null, metadata: { cardPaymentId: "c-1" } },
};

describe("card events", () => {
  it("round-trips through the wire form with exact amounts beyond 2^53", () => {
    const body = serializeCardEvent(event);
    expect(body).toContain('"amount":"9007199254740993"');
    expect(parseCardEvent(body)).toEqual(event);
  });

  it("refuses bodies that are not a card event", () => {
    const wire = JSON.parse(serializeCardEvent(event));
    const variants: unknown[] = [
      { ...wire, type: "charge.refunded" },
      { ...wire, id: "evt with spaces" },
      { ...wire, data: { object: { ...wire.data.object, amount: 1000 } } },
      { ...wire, data: { object: { ...wire.data.object, amount: "-5" } } },
      { ...wire, data: { object: { ...wire.data.object, currency: "usd" } } },
      { ...wire, data: { object: { ...wire.data.object, metadata: { n: 1 } } } },
      { ...wire, data: null },
      [],
    ];
    for (const variant of variants) expect(parseCardEvent(JSON.stringify(variant)), JSON.stringify(variant)).toBeNull();
    expect(parseCardEvent("{not json")).toBeNull();
  });

  it("carries a chargeback's dispute, and refuses a chargeback event without a well-formed one", () => {
    const chargeback: CardEvent = { ...event, id: "evt_dp_1", type: "charge.dispute.created", dispute: { id: "dp_1", amountMinor: 12_345n, reason: "product_unacceptable" } };
    const body = serializeCardEvent(chargeback);
    expect(parseCardEvent(body)).toEqual(chargeback);
    const wire = JSON.parse(body);
    const variants: unknown[] = [
      { ...wire, data: { object: { ...wire.data.object, dispute: undefined } } },
      { ...wire, data: { object: { ...wire.data.object, dispute: { ...wire.data.object.dispute, amount: 5 } } } },
      { ...wire, data: { object: { ...wire.data.object, dispute: { ...wire.data.object.dispute, reason: "Not Mine!" } } } },
    ];
    for (const variant of variants) expect(parseCardEvent(JSON.stringify(variant)), JSON.stringify(variant)).toBeNull();
    // An outcome event never carries a dispute, even when the body has one.
    expect(parseCardEvent(JSON.stringify({ ...wire, type: "payment_intent.succeeded" }))?.dispute).toBeUndefined();
  });
});
