export * from "./rates";
export * from "./due-months";
export * from "./exposure";
export * from "./sensitivity";
export * from "./settings";
