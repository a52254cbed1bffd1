/**
 * What a card processor tells Quayside about a payment intent (the body of a signed webhook): its outcome, or a
 * chargeback the card issuer filed against it (`charge.dispute.created`, which also carries `dispute`).
 */
export const CARD_EVENT_TYPES = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.dispute.created"] as const;
export type CardEventType = (typeof CARD_EVENT_TYPES)[number];

export interface CardEvent {
  id: string;
  type: CardEventType;
  /** Unix seconds. */
  created: number;
  intent: {
    id: string;
    /** Minor units of `currency`. */
    amountMinor: bigint;
    currency: string;
    /** The processor's decline code when it failed (card_declined, insufficient_funds, authentication_failed…). */
    declineCode: string | null;
    metadata: Record<string, string>;
  };
  /** The chargeback, on `charge.dispute.created` only. */
  dispute?: CardDispute;
}

export interface CardDispute {
  /** The processor's dispute id. */
  id: string;
  /** What the issuer takes back, in the intent's currency: at most the payment. */
  amountMinor: bigint;
  /** The issuer's reason code (fraudulent, product_not_received, product_unacceptable, duplicate, …). */
  reason: string;
}

/** The wire form: amounts as strings of integers so that no JSON number ever carries money. */
export function serializeCardEvent(event: CardEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    created: event.created,
    data: {
      object: {
        id: event.intent.id,
        amount: event.intent.amountMinor.toString(),
        currency: event.intent.currency,
        decline_code: event.intent.declineCode,
        metadata: event.intent.metadata,
        ...(event.dispute ? { dispute: { id: event.dispute.id, amount: event.dispute.amountMinor.toString(), reason: event.dispute.reason } } : {}),
      },
    },
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const ID = /^[A-Za-z0-9_]{1,100}$/;

/** The event in a webhook body, or null when the body is not one (not JSON, a field missing or of the wrong shape). */
export function parseCardEvent(rawBody: string): CardEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  if (!isRecord(json) || !isRecord(json.data) || !isRecord(json.data.object)) return null;
  const { id, type, created } = json;
  const object = json.data.object;
  if (typeof id !== "string" || !ID.test(id)) return null;
  if (typeof type !== "string" || !(CARD_EVENT_TYPES as readonly string[]).includes(type)) return null;
  if (typeof created !== "number" || !Number.isSafeInteger(created)) return null;
  if (typeof object.id !== "string" || !ID.test(object.id)) return null;
  if (typeof object.amount !== "string" || !/^[1-9]\d{0,17}$/.test(object.amount)) return null;
  if (typeof object.currency !== "string" || !/^[A-Z]{3}$/.test(object.currency)) return null;
  const declineCode = object.decline_code ?? null;
  if (declineCode !== null && (typeof declineCode !== "string" || !/^[a-z_]{1,64}$/.test(declineCode))) return null;
  if (!isRecord(object.metadata) || !Object.values(object.metadata).every((value) => typeof value === "string")) return null;
  const dispute = type === "charge.dispute.created" ? parseDispute(object.dispute) : undefined;
  if (dispute === null) return null;
  return {
    id,
    type: type as CardEventType,
    created,
    intent: {
      id: object.id,
      amountMinor: BigInt(object.amount),
      currency: object.currency,
      declineCode,
      metadata: object.metadata as Record<string, string>,
    },
    ...(dispute ? { dispute } : {}),
  };
}

function parseDispute(value: unknown): CardDispute | null {
  if (!isRecord(value)) return null;
  const { id, amount, reason } = value;
  if (typeof id !== "string" || !ID.test(id)) return null;
  if (typeof amount !== "string" || !/^[1-9]\d{0,17}$/.test(amount)) return null;
  if (typeof reason !== "string" || !/^[a-z_]{1,64}$/.test(reason)) return null;
  return { id, amountMinor: BigInt(amount), reason };
}
