export * from "./categories";
export * from "./service-levels";
export * from "./escalation";
export * from "./status";
export * from "./authority";
export * from "./amount";
export * from "./money-plan";
export * from "./statistics";
