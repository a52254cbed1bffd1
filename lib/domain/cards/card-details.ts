import { isLuhnValid } from "./luhn";

/** What a card form holds, as typed. */
export interface CardForm {
  number: string;
  /** "MM/YY" or "MM/YYYY". */
  expiry: string;
  cvc: string;
  name: string;
}

export interface CheckedCard {
  /** Digits only. */
  number: string;
  expMonth: number;
  expYear: number;
  last4: string;
}

export type CardField = keyof CardForm;
export type CardProblem = "invalid_number" | "invalid_expiry" | "expired" | "invalid_cvc" | "missing_name";

export type CardCheck = { ok: true; card: CheckedCard } | { ok: false; problems: Partial<Record<CardField, CardProblem>> };

/** The digits of a card number as people type it (spaces or dashes between groups). */
export function cardDigits(typed: string): string {
  return typed.replace(/[\s-]/g, "");
}

/** Groups of four for display as the buyer types: "4242 4242 4242 4242". */
export function groupCardNumber(typed: string): string {
  return cardDigits(typed).replace(/\D/g, "").slice(0, 19).replace(/(\d{4})(?=\d)/g, "$1 ");
}

function parseExpiry(expiry: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(expiry);
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/**
 * Checks a card form the way a processor does before asking the issuer: 12–19 digits with a valid Luhn check,
 * an expiry month not yet over (a card is valid through the last day of its month) on `today`
 * (year and month), a 3-digit CVC and a cardholder name.
 */
export function checkCard(form: CardForm, today: { year: number; month: number }): CardCheck {
  const problems: Partial<Record<CardField, CardProblem>> = {};
  const number = cardDigits(form.number);
  if (!/^\d{12,19}$/.test(number) || !isLuhnValid(number)) problems.number = "invalid_number";
  const expiry = parseExpiry(form.expiry);
  if (!expiry) problems.expiry = "invalid_expiry";
  else if (expiry.year < today.year || (expiry.year === today.year && expiry.month < today.month)) problems.expiry = "expired";
  if (!/^\d{3}$/.test(form.cvc.trim())) problems.cvc = "invalid_cvc";
  if (form.name.trim().length === 0) problems.name = "missing_name";
  if (Object.keys(problems).length > 0 || !expiry) return { ok: false, problems };
  return { ok: true, card: { number, expMonth: expiry.month, expYear: expiry.year, last4: number.slice(-4) } };
}
