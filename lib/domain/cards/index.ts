export * from "./card-details";
export * from "./luhn";
export * from "./test-cards";
