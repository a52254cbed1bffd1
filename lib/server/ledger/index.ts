export * from "../../domain/ledger/errors";
export * from "./balances";
export * from "./csv";
export * from "./lines";
export * from "./post";
export * from "./reverse";
