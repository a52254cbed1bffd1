import { z } from "zod";
import { parsePositiveRate, plain } from "@/lib/domain/fx";
import { isCurrencyCode } from "@/lib/domain/money";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { MANUAL_SOURCE, storeObservations } from "./rates";

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => code.length === 3 && isCurrencyCode(code), "validation.choice");

/** A platform admin enters a rate by hand (1 base = rate quote), as of now or a given moment; audited, with 2FA. */
export const enterRateAction = defineAction({
  name: "fx.enterRate",
  access: { kind: "staff", roles: ["platform_admin"] },
  stepUp: true,
  input: z.object({
    base: currency,
    quote: currency,
    rate: z.string().trim().min(1, "validation.required").max(40),
    asOf: z.iso.datetime({ local: true, offset: true }).or(z.literal("")).default(""),
  }),
  async handler(ctx, input) {
    if (input.base === input.quote) throw new ActionError("fx_same_currency");
    const rate = parsePositiveRate(input.rate.replace(/,/g, ""));
    if (!rate) throw new ActionError("fx_rate_invalid");
    // A datetime-local field has no zone: read it as China time, like every other date the factories type.
    const asOf = input.asOf ? new Date(/[zZ]|[+-]\d\d:\d\d$/.test(input.asOf) ? input.asOf : `${input.asOf}+08:00`) : new Date();
    if (asOf.getTime() > Date.now() + 5 * 60_000) throw new ActionError("fx_rate_in_future");
    await storeObservations(ctx.tx, [{ base: input.base, quote: input.quote, rate: plain(rate), asOf, source: MANUAL_SOURCE }], ctx.auth.user.id);
    ctx.audit(`fx_rate:${input.base}/${input.quote}`, { base: input.base, quote: input.quote, rate: plain(rate), asOf: asOf.toISOString() });
    return { base: input.base, quote: input.quote, rate: plain(rate), asOf: asOf.toISOString() };
  },
});
