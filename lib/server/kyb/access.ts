/** Who reviews KYB applications on the platform's side. */
export const REVIEWER_ACCESS = { kind: "staff", roles: ["kyc_reviewer", "platform_admin"] } as const;
