export * from "./accounts";
export * from "./entry";
export * from "./errors";
export * from "./request";
export * from "./reversal";
