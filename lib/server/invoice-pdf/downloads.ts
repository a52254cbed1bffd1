import { and, eq, notInArray } from "drizzle-orm";
import { z } from "zod";
import { invoices } from "@/db/schema";
import { ALL_MEMBER_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { invoicePdfFile } from "./render";

/** Any member's copy of an invoice of their organization: drafts and void invoices too, watermarked. */
export const memberInvoicePdfAction = defineAction({
  name: "invoices.downloadPdf",
  access: { kind: "org", roles: ALL_MEMBER_ROLES },
  readOnly: true,
  input: z.object({ org: z.string(), invoiceId: z.uuid() }),
  async handler(ctx, input) {
    const [invoice] = await ctx.tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, input.invoiceId), eq(invoices.organizationId, ctx.organization.id)));
    if (!invoice) throw new ActionError("not_found");
    return invoicePdfFile(ctx.tx, invoice);
  },
});

/** The buyer's copy, by the pay link's token: only issued invoices that are not void. */
export const payLinkInvoicePdfAction = defineAction({
  name: "pay.downloadPdf",
  access: { kind: "public" },
  readOnly: true,
  input: z.object({ token: z.string().min(1).max(128) }),
  async handler(ctx, input) {
    const [invoice] = await ctx.tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.payToken, input.token), notInArray(invoices.status, ["draft", "void"])));
    if (!invoice) throw new ActionError("not_found");
    return invoicePdfFile(ctx.tx, invoice);
  },
});
