import { z } from "zod";
import { defineAction } from "../guard/define-action";
import { createOrganizationWithOwner } from "./create-organization";

/** A user may run several factories; each is its own organization with them as owner. */
export const createOrganizationAction = defineAction({
  name: "organization.create",
  access: { kind: "user" },
  input: z.object({ name: z.string().trim().min(2).max(200) }),
  async handler(ctx, input) {
    const organization = await createOrganizationWithOwner(ctx.tx, input.name, ctx.auth.user.id);
    ctx.audit(`organization:${organization.id}`, { name: input.name }, organization.id);
    return { slug: organization.slug };
  },
});
