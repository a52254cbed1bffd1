export * from "./beneficiary";
export * from "./credit";
