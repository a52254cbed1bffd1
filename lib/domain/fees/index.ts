export * from "./schedule";
export * from "./rates";
export * from "./validate";
export * from "./calculate";
export * from "./compare";
export * from "./versions";
export * from "./stored";
