export * from "../../domain/ledger/errors";
export * from "./balances";
export * from "./csv";
export * from "./lines";
export { postEntry, type PostEntryInput, type PostResult } from "./post";
export * from "./reverse";
