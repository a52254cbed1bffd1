export * from "./currency";
export * from "./money";
export * from "./parse";
export * from "./format";
export * from "./allocate";
export * from "./rate";
