export * from "./card-event";
export * from "./signature";
