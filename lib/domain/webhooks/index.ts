export * from "./card-event";
export * from "./signature";
export * from "./retry";
