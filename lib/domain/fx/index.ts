export * from "./decimal";
export * from "./rates";
export * from "./pricing";
export * from "./quote";
export * from "./expiry";
export * from "./ecb";
export * from "./conversion-entry";
