import { z } from "zod";
import { cursorSchema, SORT_DIRECTIONS } from "../lists/cursor";
import { DISPUTE_CATEGORIES, DISPUTE_TIERS, ROOT_CAUSES } from "./categories";
import { DISPUTE_OUTCOMES } from "./money-plan";
import { DISPUTE_STATUSES } from "./status";

/* The dispute lists' filters as they travel in the URL: every field a string, empty meaning "any", so a view can be
   bookmarked and shared. Malformed values fall back to the defaults (parseSearch). */

const optional = <const T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(""), z.enum(values)]).default("");

export const ORG_STATUS_FILTERS = ["undecided", "decided", ...DISPUTE_STATUSES] as const;

/** The factory's list of its own cases. */
export const organizationDisputeSearchSchema = z.object({
  status: optional(ORG_STATUS_FILTERS),
  category: optional(DISPUTE_CATEGORIES),
});
export type OrganizationDisputeSearch = z.output<typeof organizationDisputeSearchSchema>;

export const ORGANIZATION_DISPUTE_SORTS = ["opened", "amount"] as const;

/** The factory's list with its order and keyset cursor (lib/server/lists/keyset.ts). */
export const organizationDisputeListSchema = organizationDisputeSearchSchema.extend({
  sort: z.enum(ORGANIZATION_DISPUTE_SORTS).default("opened"),
  dir: z.enum(SORT_DIRECTIONS).default("desc"),
  after: cursorSchema,
});
export type OrganizationDisputeList = z.output<typeof organizationDisputeListSchema>;

export const QUEUE_STATUS_FILTERS = ["undecided", ...DISPUTE_STATUSES] as const;

/** The agents' queue. */
export const queueSearchSchema = z.object({
  status: z.enum(QUEUE_STATUS_FILTERS).default("undecided"),
  tier: optional(DISPUTE_TIERS),
  category: optional(DISPUTE_CATEGORIES),
  organization: z.uuid().or(z.literal("")).default(""),
  breached: z.enum(["", "1"]).default(""),
  assignee: z.enum(["", "me", "unassigned"]).default(""),
  /** Keyset cursor of the last case shown (lib/server/disputes/queries.ts disputeQueue). */
  after: cursorSchema,
});
export type QueueSearch = z.output<typeof queueSearchSchema>;

/** The case library. */
export const librarySearchSchema = z.object({
  q: z.string().trim().max(100).default(""),
  category: optional(DISPUTE_CATEGORIES),
  rootCause: optional(ROOT_CAUSES),
  outcome: optional(DISPUTE_OUTCOMES),
  page: z.string().regex(/^[1-9]\d{0,4}$/).or(z.literal("")).default(""),
});
export type LibrarySearch = z.output<typeof librarySearchSchema>;
