export * from "./auto-match";
export * from "./bank-charges";
export * from "./candidates";
export * from "./invoice-number";
export * from "./name-similarity";
export * from "./payment-reference";
export * from "./suggestions";
