import { describe, expect, it } from "vitest";
import { MAX_DELIVERY_ATTEMPTS, nextDeliveryAt } from "./retry";

const T = new Date("2026-05-01T00:00:00Z");
const after = (ms: number) => new Date(T.getTime() + ms);

describe("webhook delivery backoff", () => {
  it("tries at once, then after 10 s doubling up to an hour, then gives up", () => {
    expect(nextDeliveryAt(0, T)).toEqual(T);
    expect(nextDeliveryAt(1, T)).toEqual(after(10_000));
    expect(nextDeliveryAt(2, T)).toEqual(after(20_000));
    expect(nextDeliveryAt(5, T)).toEqual(after(160_000));
    expect(nextDeliveryAt(MAX_DELIVERY_ATTEMPTS - 1, T)).toEqual(after(2_560_000));
    expect(nextDeliveryAt(MAX_DELIVERY_ATTEMPTS, T)).toBeNull();
  });
});
