export * from "./calendar-date";
export * from "./calendar";
export * from "./cn-holidays";
export * from "./schedule";
export * from "./payout";
export * from "./batch";
