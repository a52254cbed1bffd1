export * from "./build";
export * from "./csv";
export * from "./fees";
export * from "./month";
export * from "./reference";
export * from "./types";
