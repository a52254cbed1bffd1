export * from "./allocation-plan";
export * from "./invoice-state";
export * from "./entries";
export * from "./fees";
