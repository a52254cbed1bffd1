export * from "./aging";
export * from "./dso";
export * from "./monthly";
export * from "./buyers";
export * from "./tenths";
export * from "./range";
export * from "./cny";
