import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { buyers, type BuyerContact } from "@/db/schema";
import { isInvoiceCurrency, parseTermsInput, type PaymentTerms } from "@/lib/domain/invoices";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { addDraftIssues } from "../invoices/input-issues";
import { termsInputSchema } from "../invoices/schemas";
import { isCountryCode } from "../kyb/schemas";
import { postgresError } from "../ledger/database-error";

export interface BuyerValues {
  name: string;
  country: string;
  contacts: BuyerContact[];
  address: string | null;
  taxId: string | null;
  defaultCurrency: string;
  defaultTerms: PaymentTerms;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .default("")
    .transform((value) => (value === "" ? null : value));

const contactSchema = z
  .object({
    name: z.string().trim().max(120).default(""),
    email: z
      .string()
      .trim()
      .max(254)
      .default("")
      .refine((email) => email === "" || z.email().safeParse(email).success, "validation.email"),
  })
  .refine((contact) => contact.email !== "" || contact.name === "", { path: ["email"], message: "validation.required" });

/** The buyer form: blank contact rows are dropped, the others need a valid email; terms are checked by the domain. */
export const buyerFieldsSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(200),
    country: z.string().trim().toUpperCase().refine(isCountryCode, "validation.kyb_country"),
    contacts: z.array(contactSchema).max(10).default([]),
    address: optionalText(1000),
    taxId: optionalText(60),
    defaultCurrency: z.string().trim().toUpperCase().refine(isInvoiceCurrency, "validation.choice"),
    terms: termsInputSchema,
  })
  .transform((input, ctx) => {
    const contacts: BuyerContact[] = [];
    input.contacts.forEach((contact) => {
      if (contact.email === "") return;
      contacts.push(contact.name ? { name: contact.name, email: contact.email.toLowerCase() } : { email: contact.email.toLowerCase() });
    });
    const { terms, issues } = parseTermsInput(input.terms);
    addDraftIssues(ctx, issues);
    if (!terms) return z.NEVER;
    const values: BuyerValues = {
      name: input.name,
      country: input.country,
      contacts,
      address: input.address,
      taxId: input.taxId,
      defaultCurrency: input.defaultCurrency,
      defaultTerms: terms,
    };
    return values;
  });

/** A buyer of the same name (any case) already exists in the organization. */
function nameTaken(error: unknown): boolean {
  return postgresError(error)?.constraint_name === "buyers_org_name_key";
}

export async function createBuyer(tx: Transaction, actor: { organizationId: string; userId: string }, values: BuyerValues) {
  try {
    const [buyer] = await tx.insert(buyers).values({ organizationId: actor.organizationId, createdBy: actor.userId, ...values }).returning();
    return buyer!;
  } catch (error) {
    if (nameTaken(error)) throw new ActionError("buyer_name_taken", { name: values.name });
    throw error;
  }
}

export async function updateBuyer(tx: Transaction, organizationId: string, buyerId: string, values: BuyerValues) {
  try {
    const [buyer] = await tx
      .update(buyers)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(buyers.id, buyerId), eq(buyers.organizationId, organizationId)))
      .returning();
    if (!buyer) throw new ActionError("not_found");
    return buyer;
  } catch (error) {
    if (nameTaken(error)) throw new ActionError("buyer_name_taken", { name: values.name });
    throw error;
  }
}

export const createBuyerAction = defineAction({
  name: "buyers.create",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), buyer: buyerFieldsSchema }),
  async handler(ctx, input) {
    const buyer = await createBuyer(ctx.tx, { organizationId: ctx.organization.id, userId: ctx.auth.user.id }, input.buyer);
    ctx.audit(`buyer:${buyer.id}`, { name: buyer.name, country: buyer.country, defaultCurrency: buyer.defaultCurrency });
    return { buyerId: buyer.id };
  },
});

export const updateBuyerAction = defineAction({
  name: "buyers.update",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), buyerId: z.uuid(), buyer: buyerFieldsSchema }),
  async handler(ctx, input) {
    const buyer = await updateBuyer(ctx.tx, ctx.organization.id, input.buyerId, input.buyer);
    ctx.audit(`buyer:${buyer.id}`, { name: buyer.name, country: buyer.country, defaultCurrency: buyer.defaultCurrency, defaultTerms: buyer.defaultTerms });
    return { buyerId: buyer.id };
  },
});
