"use server";

import { runAction } from "@/lib/server/guard/run-action";
import {
  answerInfoRequestAction,
  saveBankAccountAction,
  saveBeneficialOwnersAction,
  saveCompanyAction,
  saveLegalRepresentativeAction,
  submitApplicationAction,
} from "@/lib/server/kyb/applicant";
import { removeDocumentAction } from "@/lib/server/kyb/documents";
import { approveApplicationAction, rejectApplicationAction, requestInformationAction, startReviewAction } from "@/lib/server/kyb/review";
import { updateRiskPolicyAction, updateTierLimitsAction } from "@/lib/server/kyb/settings";

export async function saveKybCompany(input: unknown) {
  return runAction(saveCompanyAction, input);
}

export async function saveKybLegalRepresentative(input: unknown) {
  return runAction(saveLegalRepresentativeAction, input);
}

export async function saveKybBeneficialOwners(input: unknown) {
  return runAction(saveBeneficialOwnersAction, input);
}

export async function saveKybBankAccount(input: unknown) {
  return runAction(saveBankAccountAction, input);
}

export async function removeKybDocument(input: unknown) {
  return runAction(removeDocumentAction, input);
}

export async function submitKybApplication(input: unknown) {
  return runAction(submitApplicationAction, input);
}

export async function answerKybInfoRequest(input: unknown) {
  return runAction(answerInfoRequestAction, input);
}

export async function startKybReview(input: unknown) {
  return runAction(startReviewAction, input);
}

export async function approveKybApplication(input: unknown) {
  return runAction(approveApplicationAction, input);
}

export async function rejectKybApplication(input: unknown) {
  return runAction(rejectApplicationAction, input);
}

export async function requestKybInformation(input: unknown) {
  return runAction(requestInformationAction, input);
}

export async function updateTierLimits(input: unknown) {
  return runAction(updateTierLimitsAction, input);
}

export async function updateKybRiskPolicy(input: unknown) {
  return runAction(updateRiskPolicyAction, input);
}
