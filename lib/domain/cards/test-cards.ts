/** What the sandbox processor's pretend issuer answers for a card number, like a real processor's test mode. */
export type CardOutcome = { kind: "approve" } | { kind: "decline"; code: DeclineCode } | { kind: "challenge" };

export type DeclineCode = "card_declined" | "insufficient_funds" | "authentication_failed" | "test_card_required";

export const TEST_CARDS = {
  succeeds: "4242424242424242",
  declined: "4000000000000002",
  insufficientFunds: "4000000000009995",
  threeDSecure: "4000002760003184",
} as const;

/** Digits only. Any other valid number is refused: a sandbox never charges a real card. */
export function testCardOutcome(digits: string): CardOutcome {
  switch (digits) {
    case TEST_CARDS.succeeds:
      return { kind: "approve" };
    case TEST_CARDS.declined:
      return { kind: "decline", code: "card_declined" };
    case TEST_CARDS.insufficientFunds:
      return { kind: "decline", code: "insufficient_funds" };
    case TEST_CARDS.threeDSecure:
      return { kind: "challenge" };
    default:
      return { kind: "decline", code: "test_card_required" };
  }
}
