"use server";

import { runAction } from "@/lib/server/guard/run-action";
import { createOrganizationAction } from "@/lib/server/organizations/create";
import { acceptInvitationAction, inviteMemberAction, revokeInvitationAction } from "@/lib/server/organizations/invitations";
import { changeMemberRoleAction, removeMemberAction, updateMemberLimitsAction } from "@/lib/server/organizations/members";

export async function createOrganization(input: unknown) {
  return runAction(createOrganizationAction, input);
}

export async function inviteMember(input: unknown) {
  return runAction(inviteMemberAction, input);
}

export async function revokeInvitation(input: unknown) {
  return runAction(revokeInvitationAction, input);
}

export async function acceptInvitation(input: unknown) {
  return runAction(acceptInvitationAction, input);
}

export async function changeMemberRole(input: unknown) {
  return runAction(changeMemberRoleAction, input);
}

export async function updateMemberLimits(input: unknown) {
  return runAction(updateMemberLimitsAction, input);
}

export async function removeMember(input: unknown) {
  return runAction(removeMemberAction, input);
}
