export * from "./aba";
export * from "./iban";
export * from "./schemes";
export * from "./compose";
export * from "./validate";
export * from "./display";
