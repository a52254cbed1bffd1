import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { LOCALES } from "@/i18n/catalog";
import { defineAction } from "../guard/define-action";

/**
 * Chooses the interface language. Anyone may call it (the sign-in page has a switch too); a signed-in user's
 * choice is also kept on their account, so that emails and their next session use it. The cookie is set by
 * the server action in app/actions/preferences.ts once this succeeds.
 */
export const setLocaleAction = defineAction({
  name: "preferences.setLocale",
  access: { kind: "public" },
  input: z.object({ locale: z.enum(LOCALES) }),
  async handler(ctx, input) {
    if (ctx.auth) {
      const previous = ctx.auth.user.locale;
      if (previous !== input.locale) {
        await ctx.tx.update(users).set({ locale: input.locale }).where(eq(users.id, ctx.auth.user.id));
      }
      ctx.audit(`user:${ctx.auth.user.id}`, { locale: input.locale, previous });
    } else {
      ctx.audit(null, { locale: input.locale });
    }
    return { locale: input.locale };
  },
});
