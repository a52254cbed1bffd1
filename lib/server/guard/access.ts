import type { memberRole, staffRole } from "@/db/schema";

export type MemberRole = (typeof memberRole.enumValues)[number];
export type StaffRole = (typeof staffRole.enumValues)[number];

export type Access =
  | { kind: "public" }
  | { kind: "user" }
  /** The input carries `org` (the organization's slug); the caller must be a member with one of `roles`. */
  | { kind: "org"; roles: readonly MemberRole[] }
  | { kind: "staff"; roles: readonly StaffRole[] };

export const ALL_MEMBER_ROLES: readonly MemberRole[] = ["owner", "finance", "viewer"];
export const MONEY_ROLES: readonly MemberRole[] = ["owner", "finance"];
export const OWNER_ONLY: readonly MemberRole[] = ["owner"];
