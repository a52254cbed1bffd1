export * from "./auth";
export * from "./organizations";
export * from "./audit";
export * from "./email";
export * from "./ledger";
export * from "./kyb";
export * from "./fx";
