export { assertOrganizationApproved } from "./gate";
export { loadTierLimits, loadRiskPolicy } from "./settings";
