import type { StaffRole } from "../guard/access";

/** The platform staff who work the disputes queue; L3 decisions and the settings are the admins' alone. */
export const DISPUTE_STAFF: readonly StaffRole[] = ["dispute_agent", "platform_admin"];
export const DISPUTE_ADMIN: readonly StaffRole[] = ["platform_admin"];
